package org.carevoice.system;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Stores strings longer than Camunda's 4,000-character text column in a byte array, so a story
 * (up to 20,000 characters) can be shown and edited in a Camunda Form as a plain string. Shorter
 * strings keep Camunda's own serializer. The value type stays "String" for every client.
 */
public class LongStringValueSerializer extends PrimitiveValueSerializer<StringValue> {

  public static final String NAME = "carevoiceLongString";

  /** Camunda's TEXT_ columns hold 4,000 characters; stay well clear of multi-byte limits. */
  static final int TEXT_COLUMN_LIMIT = 3_900;

  public LongStringValueSerializer() {
    super(ValueType.STRING);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  protected boolean canWriteValue(TypedValue value) {
    Object raw = value == null ? null : value.getValue();
    return raw instanceof String text && text.length() > TEXT_COLUMN_LIMIT;
  }

  @Override
  public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
    return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
  }

  @Override
  public void writeValue(StringValue value, ValueFields valueFields) {
    valueFields.setTextValue(null);
    valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
    byte[] bytes = valueFields.getByteArrayValue();
    return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
  }
}
