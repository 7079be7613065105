package org.carevoice.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.BeansException;
import org.springframework.beans.PropertyAccessException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * How every controller of ours binds what a client sends (form fields, query parameters, path
 * segments), and the 400 when that fails:
 *
 * <ul>
 *   <li>parameter names are plain words: a name with dots or brackets ({@code title[0]},
 *       {@code relationship.x}) would make the binder navigate or grow nested properties, so the
 *       request is refused before anything is bound;
 *   <li>every String follows {@link PlainText}: a control character is a binding failure of that
 *       field. Forms that take a {@link BindingResult} show it at the field, with the text kept and
 *       the character shown as {@link PlainText#MARK}; elsewhere it is a 400 that names the field;
 *   <li>nested paths never grow.
 * </ul>
 *
 * Pages get the site's error page with the reason, the JSON API a problem detail.
 */
@ControllerAdvice(basePackages = "org.carevoice")
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBinding {

  static final String PLAIN_TEXT_CODE = "plainText";
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,99}");

  private final BadRequests badRequests;

  RequestBinding(BadRequests badRequests) {
    this.badRequests = badRequests;
  }

  @InitBinder
  void bindPlainWordsAndPlainText(WebDataBinder binder, HttpServletRequest request) {
    for (String name : request.getParameterMap().keySet()) {
      if (!PARAMETER_NAME.matcher(name).matches()) {
        throw new UnknownParameterException(name);
      }
    }
    binder.setAutoGrowNestedPaths(false);
    binder.registerCustomEditor(String.class, new PlainTextEditor());
    binder.setBindingErrorProcessor(new PlainTextErrors());
  }

  @ExceptionHandler(UnknownParameterException.class)
  ModelAndView unknownParameter(UnknownParameterException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    return refuse(request, response, "error.badInput.parameterName", "api.parameter.name", e.name);
  }

  /** A query parameter or path segment that is not plain text, or not of its type. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ModelAndView mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (e.getMostSpecificCause() instanceof PlainText.Refused) {
      return refuse(request, response, "error.badInput.controlCharacter", "api.controlCharacter", e.getName());
    }
    return refuse(request, response, null, "api.parameter.invalid");
  }

  /** A form bound without a {@link BindingResult} to show its errors in (the stories page's filters). */
  @ExceptionHandler(BindException.class)
  ModelAndView bindingFailed(BindException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    FieldError refused = e.getFieldErrors().stream()
        .filter(error -> PLAIN_TEXT_CODE.equals(error.getCode())).findFirst().orElse(null);
    if (refused != null) {
      return refuse(request, response, "error.badInput.controlCharacter", "api.controlCharacter", refused.getField());
    }
    return refuse(request, response, null, "api.parameter.invalid");
  }

  private ModelAndView refuse(HttpServletRequest request, HttpServletResponse response, String pageKey, String apiKey,
      Object... arguments) throws IOException {
    if (BadRequests.isApi(request)) {
      badRequests.writeProblem(request, response, HttpStatus.BAD_REQUEST, badRequests.message(apiKey, arguments));
      return new ModelAndView();
    }
    ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
    page.addObject("status", HttpStatus.BAD_REQUEST.value());
    if (pageKey != null) {
      page.addObject("reason", badRequests.message(pageKey, arguments));
    }
    return page;
  }

  /** A parameter whose name is not a plain word. */
  static final class UnknownParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String name;

    UnknownParameterException(String name) {
      super("Parameter name with dots, brackets or other characters");
      this.name = PlainText.visible(name);
    }
  }

  /** Strings are bound as they are, unless they break {@link PlainText}. */
  private static final class PlainTextEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
      if (!PlainText.isPlain(text)) {
        throw new PlainText.Refused();
      }
      setValue(text);
    }
  }

  /**
   * A refused String becomes a field error with the code {@value #PLAIN_TEXT_CODE}; the field keeps
   * the text with each control character shown as {@link PlainText#MARK}, so a re-shown form loses
   * nothing the author wrote. Other failures are bound as Spring does.
   */
  private static final class PlainTextErrors extends DefaultBindingErrorProcessor {

    @Override
    public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
      if (!(ex.getMostSpecificCause() instanceof PlainText.Refused)) {
        super.processPropertyAccessException(ex, bindingResult);
        return;
      }
      String field = ex.getPropertyName();
      Object shown = ex.getValue();
      if (shown instanceof String text) {
        shown = PlainText.visible(text);
        if (bindingResult.getTarget() != null && String.class.equals(bindingResult.getFieldType(field))) {
          try {
            new BeanWrapperImpl(bindingResult.getTarget()).setPropertyValue(field, shown);
          } catch (BeansException e) {
            // the field stays empty; the error below still says what to correct
          }
        }
      } else if (shown instanceof String[] texts) {
        shown = Arrays.stream(texts).map(PlainText::visible).toArray(String[]::new);
      }
      bindingResult.addError(new FieldError(bindingResult.getObjectName(), field, shown, true,
          bindingResult.resolveMessageCodes(PLAIN_TEXT_CODE, field),
          getArgumentsForBindError(bindingResult.getObjectName(), field), "contains a control character"));
    }
  }
}
