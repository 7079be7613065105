package org.carevoice.demo;

import static org.carevoice.story.Relationship.CARER;
import static org.carevoice.story.Relationship.PARENT_OR_GUARDIAN;
import static org.carevoice.story.Relationship.PATIENT;
import static org.carevoice.story.Relationship.RELATIVE;
import static org.carevoice.story.Relationship.SERVICE_USER;

import java.util.List;
import org.carevoice.story.Relationship;

/** The demo's published stories, oldest first, each with the response its service gave. */
final class DemoStories {

  record DemoStory(String service, String title, String body, String pseudonym, Relationship relationship,
      int criticality, String response, String responderName, String responderRole) {}

  static final List<DemoStory> ALL = List.of(
      new DemoStory("hairmyres-emergency-department", "Seen quickly and treated with kindness",
          """
          I came into A&E late on a Saturday night after a fall on the ice. The waiting room was busy but the \
          triage nurse saw me within twenty minutes and explained what would happen next. The X-ray showed a \
          broken wrist. Everyone was calm and kind, even though they were clearly run off their feet. Thank you.""",
          "Icy pavement", PATIENT, 0,
          "Thank you for taking the time to share this. I have passed your kind words on to the whole team, "
              + "who were delighted to hear them. I hope your wrist is healing well.",
          "Craig Wilson", "Charge Nurse, Emergency Department"),
      new DemoStory("wishaw-maternity", "The midwives made all the difference",
          """
          Our daughter was born at Wishaw after a long labour. The midwives on the night shift were wonderful: \
          they listened to my birth plan, explained every decision and made my partner feel included. When we \
          needed the doctors they came quickly. We felt safe the whole time.""",
          "New mum from Motherwell", PATIENT, 0,
          "Congratulations on the birth of your daughter, and thank you for telling us about your experience. "
              + "I have shared your story with the midwives on the night shift.",
          "Lorna Baird", "Senior Charge Midwife, Maternity Unit"),
      new DemoStory("care-at-home-south-lanarkshire", "Carers who really know my dad",
          """
          My dad has had visits from the Care at Home team twice a day since his stroke. The carers are patient \
          with him and always take time to chat. One morning they noticed he was not himself and called the GP, \
          which turned out to be a chest infection caught early. I am so grateful.""",
          "Grateful daughter", RELATIVE, 0,
          "Thank you for sharing this. Noticing small changes is exactly what we hope our carers will do, and I "
              + "am glad your dad got the treatment he needed quickly.",
          "Aileen Murray", "Team Leader, Care at Home"),
      new DemoStory("monklands-ward-21", "Visiting times were confusing",
          """
          My gran was on Ward 21 for two weeks. The nurses were caring, but we were told different things about \
          visiting times by different people, and twice we were turned away after travelling from Airdrie. \
          A clear notice at the entrance would have helped a lot.""",
          "Airdrie grandson", RELATIVE, 2,
          "I am sorry that you were turned away after travelling to visit your gran. We have put up a new notice at "
              + "the ward entrance and reminded all staff that we welcome visitors throughout the day.",
          "Senior Charge Nurse", "Ward 21 (Medicine for the Elderly)"),
      new DemoStory("district-nursing-hamilton", "Dressings changed at home, on time every time",
          """
          After my operation I needed my dressing changed every other day. The district nurses came when they \
          said they would, explained how to look after the wound, and answered all my questions. It meant I \
          could recover at home instead of travelling to the clinic.""",
          "Hamilton patient", PATIENT, 0,
          "Thank you for your lovely feedback. I have shared it with the team at our morning meeting.",
          "Team Lead", "District Nursing, Hamilton"),
      new DemoStory("hairmyres-outpatients", "Appointment letter arrived after the appointment",
          """
          My fracture clinic appointment letter arrived the day after the appointment date. When I phoned, it \
          took three attempts to get through. The staff I eventually spoke to were helpful and rebooked me, but \
          I worry about people who would just give up.""",
          "Missed by a day", PATIENT, 3,
          "I am sorry about the delay with your letter. We have started sending text reminders as well as letters, "
              + "and added more staff to the phone line in the mornings when it is busiest.",
          "Outpatient Services Manager", "Outpatient Department"),
      new DemoStory("wishaw-neonatal", "Our son's first weeks in the neonatal unit",
          """
          Our son was born at 31 weeks and spent five weeks in the neonatal unit. The staff taught us how to care \
          for him, involved us in ward rounds and always had time for our questions, even in the middle of the \
          night. The parents' room was a lifeline.""",
          "Proud parents", PARENT_OR_GUARDIAN, 0,
          "Thank you so much for sharing your son's story. It means a great deal to the team to hear how much "
              + "the parents' room helped. We wish your family all the best.",
          "Neonatal Unit Manager", "Neonatal Unit"),
      new DemoStory("monklands-emergency-department", "A long wait with no updates",
          """
          I waited nine hours in A&E with my husband, who has dementia. Nobody told us how long it might be and \
          he became very distressed. When we were seen the doctor was thorough, but the wait was very hard for \
          him. A quieter place to wait would have helped.""",
          "Carer in Coatbridge", CARER, 4,
          "I am very sorry for the long wait and the distress it caused your husband. We are setting up a quieter "
              + "waiting area for people with dementia and their carers, and nurses now give waiting-time updates every hour.",
          "Nurse Consultant", "Emergency Department"),
      new DemoStory("east-kilbride-health-centre", "Easy to get a same-day appointment",
          """
          I phoned at 8am about my son's ear infection and got an appointment that morning. The GP was friendly \
          and explained the antibiotics clearly. The receptionist even rang back later to check the pharmacy \
          had the prescription.""",
          "EK mum", PARENT_OR_GUARDIAN, 0,
          "Thank you for your kind words about the practice team.",
          "Practice Manager", "East Kilbride Health Centre GP practice"),
      new DemoStory("hairmyres-ward-15", "Hip replacement: great care, poor food",
          """
          I had my hip replaced on Ward 15. The surgery went well and the physiotherapists had me walking the \
          next day. The nurses were lovely. The food, however, was often cold by the time it reached me, and \
          I was not offered help to cut it up.""",
          "New hip", PATIENT, 2,
          "Thank you for your feedback. We have changed the order in which meals are served on the ward and every "
              + "patient who needs help at mealtimes now has a red tray so staff can see it straight away.",
          "Senior Charge Nurse", "Ward 15 (Orthopaedics)"),
      new DemoStory("monklands-renal-unit", "Dialysis staff are like family",
          """
          I have had dialysis at the renal unit three times a week for two years. The staff know me by name, \
          remember to ask about my grandchildren and notice when I am feeling low. They make a hard routine \
          bearable.""",
          "Three times a week", SERVICE_USER, 0,
          "Thank you. It is a privilege to care for you, and the team were really touched by your story.",
          "Renal Unit Manager", "Renal Unit"),
      new DemoStory("blantyre-health-centre", "Repeat prescriptions keep going missing",
          """
          For the third month in a row my repeat prescription was not ready at the pharmacy. Each time I had to \
          phone the practice, and once I went two days without my blood pressure tablets. I would like to know \
          what is being done to fix this.""",
          "Blantyre resident", PATIENT, 3,
          null, null, null));

  private DemoStories() {}
}
