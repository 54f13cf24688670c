"""The joint working manual's demo articles: fictional practice wisdom from the partnership.

The agencies, people, phone numbers and local arrangements are invented (Northshire is not a
real place); the law, statutory guidance and national schemes they describe are real and are
cited by name. Each article names the kinds of agency it concerns (matched to the demo
agencies by sector), an owner from one of those agencies, a review date (some already past,
so that "possibly out of date" shows), and some carry later edits by practitioners from other
agencies, so that versions, authors and differences show too.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from textwrap import dedent

from django.db import transaction
from django.utils import timezone

from frontdoor.agencies.models import Agency, Practitioner
from frontdoor.agencies.roles import Role

POLICE = "police"
CSC = "childrens_social_care"
ASC = "adult_social_care"
HEALTH = "health"
GP = "gp"
EDUCATION = "education"
HOUSING = "housing"
PROBATION = "probation"
YOUTH_JUSTICE = "youth_justice"
FIRE = "fire"
DOMESTIC_ABUSE = "domestic_abuse"
SUBSTANCE_MISUSE = "substance_misuse"
VOLUNTARY = "voluntary"

TOPICS: tuple[tuple[str, str], ...] = (
    ("Making referrals", "What the front door needs from you, and what happens next."),
    ("Information sharing", "Consent, the law and the practical steps of asking and telling."),
    ("Police powers and procedures", "What the police can and cannot do, and when."),
    ("Child protection process", "Strategy discussions, section 47 enquiries and conferences."),
    ("Domestic abuse", "Risk assessment, MARAC, disclosure schemes and safety."),
    ("Exploitation and missing", "Criminal and sexual exploitation, missing children, Prevent."),
    ("Out of hours", "Nights, weekends and bank holidays: who is there and what they can do."),
    ("Adults at risk", "Adult safeguarding, mental capacity and mental health crises."),
    ("Health", "GPs, community health, medicals and the NHS's part in safeguarding."),
    ("Working together", "Meetings, disagreements, interpreters and the habits that help."),
    ("Education", "Schools and colleges as partners in safeguarding."),
    ("Housing", "Homelessness, tenancy support and safety at home."),
)


@dataclass(frozen=True)
class Revision:
    """A later edit: ``old`` replaced by ``new`` in the body, or ``new`` appended if ``old`` is empty."""

    author: str  # an owner reference, as ArticleSpec.owner
    summary: str
    old: str
    new: str
    days_later: int


@dataclass(frozen=True)
class ArticleSpec:
    slug: str
    title: str
    topics: tuple[str, ...]
    sectors: tuple[str, ...]  # the agencies it concerns, by sector
    # A headline demo username ("csc.manager"), or "hub@" + an agency name for that
    # agency's safeguarding lead (its hub practitioner, or whoever holds its hub job title).
    owner: str
    written_days_ago: int
    review_in_days: int  # negative: already past its review date
    body: str
    revisions: tuple[Revision, ...] = ()


def _md(text: str) -> str:
    return dedent(text).strip() + "\n"


ARTICLES: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        slug="how-to-make-a-referral",
        title="How to make a referral the hub can act on",
        topics=("Making referrals",),
        sectors=(CSC, POLICE, HEALTH, EDUCATION, GP),
        owner="csc.manager",
        written_days_ago=420,
        review_in_days=150,
        body=_md(
            """
            The hub decides what happens to every referral within one working day. It can only
            decide well on what you tell it. Most delays start with a referral that says
            "concerns about welfare" and nothing else, so the hub has to ring you back, and you
            are on a visit, or on nights, or on leave.

            ## Say who

            - every child and adult in the household you know of, with dates of birth (or ages)
            - addresses, including where the child actually sleeps if that is different
            - the school or nursery and the GP practice, if you know them
            - who has parental responsibility, if you know it

            ## Say what happened, as facts

            Write what you saw, heard or were told, when and where, and who said it. Use the
            person's own words in quotation marks: "Dad hit me with the belt" tells the hub far
            more than "disclosed physical abuse". Then, separately, say what you think and why.
            Front Door asks for the facts and your professional opinion in different boxes for
            this reason.

            ## Say what has been done

            Who else knows? Has anyone spoken to the parents? Has the child been seen today? Is
            there a police reference or an incident number?

            ## Consent

            Say whether the family knows you are referring and whether they agreed. If you are
            referring without consent, say why: for example, telling them would put the child at
            greater risk. Not having consent is never a reason not to refer a child you believe
            is at risk of significant harm.

            ## What you would like to happen

            The hub will decide, but your view matters: an assessment, early help, a strategy
            discussion, or simply that social care should know.

            If a child is in immediate danger, call 999 first and refer afterwards.
            """
        ),
        revisions=(
            Revision(
                author="police.hub",
                summary="Added what police officers should include",
                old="",
                new=_md(
                    """
                    ## For police officers

                    Put the occurrence number in the first line, attach the DASH risk
                    assessment for any domestic abuse incident, and say whether the children
                    were present, awake or spoken to. The hub's police researchers can then find
                    the record in minutes rather than hours.
                    """
                ),
                days_later=60,
            ),
            Revision(
                author="hub@Weftbridge High School",
                summary="Schools: attendance and who has been spoken to",
                old="Who else knows? Has anyone spoken to the parents?",
                new=(
                    "Who else knows? Has anyone spoken to the parents? Schools: give the "
                    "child's attendance this term and any recent change in it."
                ),
                days_later=200,
            ),
        ),
    ),
    ArticleSpec(
        slug="what-the-police-can-do-at-2am",
        title="What the police can and cannot do at 2am",
        topics=("Police powers and procedures", "Out of hours"),
        sectors=(POLICE, CSC, ASC, HEALTH),
        owner="police.manager",
        written_days_ago=380,
        review_in_days=-20,
        body=_md(
            """
            At night the police are often the only agency awake, so partners ask them for
            everything. Knowing what officers can and cannot do saves a wasted call and gets the
            child or adult the right help sooner.

            ## What the police can do

            - **Police protection** (Children Act 1989, s.46). An officer who has reasonable
              cause to believe a child would otherwise be likely to suffer significant harm may
              remove the child to suitable accommodation, or stop them being removed from a safe
              place such as a hospital, for up to 72 hours. A designated inspector reviews it.
            - **Enter to save life or limb** (Police and Criminal Evidence Act 1984, s.17). Police
              protection itself gives no power of entry.
            - **A place of safety under the Mental Health Act 1983, s.136** for a person in
              apparent mental health crisis anywhere except a home.
            - **Arrest**, and bail conditions that keep a suspect away from a victim.

            ## What the police cannot do

            - Find a placement for a child taken into police protection. The Emergency Duty Team
              does that: ring them as soon as police protection is used.
            - Carry out a social care assessment or decide a child's plan.
            - Make an adult with capacity leave a home, or accept help, when no crime is
              involved.
            - Do a "welfare check" where there is no risk to life or limb. Ask the agency that
              knows the person.

            ## When you ring

            Give your name, role and call-back number, the address, who is at risk and why now.
            Ask for the incident number and the name of the duty inspector, and put both in your
            referral.
            """
        ),
        revisions=(
            Revision(
                author="csc.hub",
                summary="Added the EDT number and what EDT needs from officers",
                old="does that: ring them as soon as police protection is used.",
                new=(
                    "does that: ring them on 01632 960999 as soon as "
                    "police protection is used, with the child's name, age, where they are now "
                    "and any known relatives who might care for them."
                ),
                days_later=45,
            ),
        ),
    ),
    ArticleSpec(
        slug="what-happens-at-a-strategy-discussion",
        title="What happens at a strategy discussion",
        topics=("Child protection process",),
        sectors=(CSC, POLICE, HEALTH, EDUCATION),
        owner="csc.hub",
        written_days_ago=500,
        review_in_days=90,
        body=_md(
            """
            A strategy discussion is held whenever there is reasonable cause to suspect that a
            child is suffering, or is likely to suffer, significant harm (Working Together to
            Safeguard Children). Children's social care convenes it; the police and health must
            take part, and the agency that referred, and the child's school or nursery, usually
            should.

            In Northshire most strategy discussions are held by video call from the hub, the same
            working day for red contacts. Be ready to join at short notice: the hub will send you
            a link and a time.

            ## What it decides

            1. Whether the child is safe tonight, and what must happen now to keep them safe.
            2. Whether to start section 47 enquiries (social care) and a criminal investigation
               (police), and how the two fit together.
            3. Who will see the child, when, and who will speak to the parents, and what they
               will be told.
            4. Whether the child needs a medical, and whether a video-recorded interview is
               needed.
            5. What each agency will find out or do next, by when.

            ## What to bring

            What your agency knows, with dates, and what you do not know. Speak up if you
            disagree with the plan: a strategy discussion is a decision between equals, not a
            briefing by social care. If you still disagree afterwards, use the escalation
            procedure.

            The hub records the discussion and its decisions in Front Door and sends every
            participant the record.
            """
        ),
    ),
    ArticleSpec(
        slug="section-47-enquiries",
        title="Section 47 enquiries: what partners are asked to do",
        topics=("Child protection process",),
        sectors=(CSC, POLICE, HEALTH, EDUCATION, GP),
        owner="csc.frontline",
        written_days_ago=300,
        review_in_days=200,
        body=_md(
            """
            Under section 47 of the Children Act 1989 the council must make enquiries when it
            has reasonable cause to suspect a child is suffering, or is likely to suffer,
            significant harm. Other bodies, including health bodies, schools, housing and other
            councils, must help with those enquiries unless doing so would be unreasonable
            (s.47(9)–(11)). This is one of the clearest legal bases for sharing information
            there is.

            ## What you may be asked for

            - what your agency knows about the child and family, within the time window asked
            - to see the child, or to make a room available for the social worker to do so
            - a report for an initial child protection conference
            - to attend the conference, or send someone who knows the child

            ## What happens next

            The enquiry ends in one of three ways: no further action; support as a child in
            need; or an initial child protection conference, held within 15 working days of the
            strategy discussion that started the enquiry.

            The social worker should tell you which. If you have not heard within a week, ask:
            you are entitled to know the outcome of a referral you made.
            """
        ),
    ),
    ArticleSpec(
        slug="getting-information-from-a-gp",
        title="Getting information from a GP",
        topics=("Health", "Information sharing"),
        sectors=(GP, HEALTH, CSC, POLICE),
        owner="hub@Loomside Medical Practice",
        written_days_ago=700,
        review_in_days=-60,
        body=_md(
            """
            GP practices hold the longest record anyone has of a family's health, and they
            want to help. Most requests that go unanswered are sent to the wrong place, ask for
            too much, or do not say why.

            ## Send it to the right person

            Every practice has a safeguarding lead GP and a safeguarding administrator. Send
            requests to the practice's secure safeguarding email address, not the general
            inbox and never by fax. Through Front Door the hub's health desk can route a
            request for you.

            ## Ask a question the GP can answer

            "Please send everything you hold" will be refused or delayed: it is not
            proportionate. Ask instead:

            - Is the child registered with you, and since when?
            - Have they been brought to appointments and immunisations in the last 12 months?
            - Do you know of any mental health, substance misuse or domestic abuse concerns
              about the adults in the household?
            - Is there anything else you think we should know to keep this child safe?

            ## Say why, and by when

            Give the purpose (for example, a section 47 enquiry), the lawful basis and your
            deadline. GPs may share without consent to safeguard a child or an adult at risk
            (Data Protection Act 2018, Schedule 1, paragraph 18), and the Caldicott principles
            say the duty to share can be as important as the duty of confidentiality.

            The GP decides what to share about other people in the household. Expect them to
            leave out what is not relevant to your question.
            """
        ),
    ),
    ArticleSpec(
        slug="information-sharing-golden-rules",
        title="Consent and information sharing: the golden rules in practice",
        topics=("Information sharing",),
        sectors=(POLICE, CSC, ASC, HEALTH, GP, EDUCATION, HOUSING),
        owner="csc.partnership",
        written_days_ago=610,
        review_in_days=40,
        body=_md(
            """
            The government's advice to practitioners on information sharing sets out seven
            golden rules. In our own words, and with what each means on a Tuesday afternoon:

            1. **Data protection law is not a barrier** to sharing that is justified. It is a
               framework for doing it properly.
            2. **Be open** with the person about what you will share and why, unless that would
               put someone at risk or harm an investigation.
            3. **Ask for advice** when you are unsure: your manager, your safeguarding lead, or
               the hub. Do not sit on it.
            4. **Consent is one basis, not the only one.** Where a child or adult is at risk,
               you can share without consent. Do not ask for consent you would override anyway:
               it misleads the person.
            5. **Think about safety and well-being** first: theirs and other people's.
            6. **Share what is necessary and proportionate**: relevant, accurate, up to date,
               on time and securely. Six months of history if that is what was asked, not ten
               years.
            7. **Record what you decided and why**, including a decision not to share.

            Front Door records what you shared, with whom and why, every time, so that rule 7
            is mostly done for you.
            """
        ),
        revisions=(
            Revision(
                author="health.hub",
                summary="Linked the GP article and the Caldicott principles",
                old="Six months of history if that is what was asked, not ten\n   years.",
                new=(
                    "Six months of history if that is what was asked, not ten\n   years. "
                    "Health colleagues also work to the Caldicott principles; see "
                    "[Getting information from a GP](/manual/articles/getting-information-from-a-gp/)."
                ),
                days_later=120,
            ),
        ),
    ),
    ArticleSpec(
        slug="referring-to-marac",
        title="Referring to MARAC",
        topics=("Domestic abuse",),
        sectors=(DOMESTIC_ABUSE, POLICE, CSC, HEALTH, HOUSING, PROBATION),
        owner="hub@Lanternlight Domestic Abuse Service",
        written_days_ago=450,
        review_in_days=120,
        body=_md(
            """
            A multi-agency risk assessment conference (MARAC) shares information about victims
            of domestic abuse at the highest risk of serious harm or homicide, and agrees actions
            to make them safer. Northshire's MARACs meet every fortnight in each of three areas.

            ## Who to refer

            Refer when any one of these applies:

            - **Visible high risk**: 14 or more "yes" answers on the DASH risk checklist.
            - **Professional judgement**: fewer ticks, but you believe the risk is high, for
              example because of strangulation, stalking or a recent separation.
            - **Potential escalation**: three or more police call-outs in the last 12 months.
            - **Repeat**: the victim was discussed at MARAC in the last 12 months and there has
              been a further incident.

            ## How

            Send the MARAC referral form and the completed DASH through Front Door. Tell the
            victim you are referring and why, unless that would increase the risk. Consent is
            not needed for a high-risk referral, but the victim's view shapes the plan.

            Every high-risk victim is offered an independent domestic violence adviser (IDVA)
            from Lanternlight. The IDVA represents the victim at the meeting.

            Do not wait for the meeting to act on immediate risk: call 999 and make a safety
            plan now.
            """
        ),
    ),
    ArticleSpec(
        slug="using-the-dash-risk-checklist",
        title="Using the DASH risk checklist well",
        topics=("Domestic abuse",),
        sectors=(POLICE, DOMESTIC_ABUSE, HEALTH, HOUSING),
        owner="police.frontline",
        written_days_ago=330,
        review_in_days=35,
        body=_md(
            """
            The Domestic Abuse, Stalking and Harassment and Honour-based Violence (DASH) risk
            identification checklist has 27 questions. Officers complete it at every domestic
            abuse incident; other agencies use it too. The questions are only as good as the
            conditions in which they are asked.

            ## Before you start

            - See the victim alone: never in front of the suspect, and not in front of children.
            - Use a professional interpreter, never a family member or a child.
            - Explain why you are asking and that some questions are personal.

            ## Asking

            Ask every question, in order, in plain words. Record the answer in the victim's own
            words where it matters. Some answers carry more weight than their single tick:
            strangulation or choking, a recent separation, pregnancy or a new baby, stalking,
            threats to kill, and the abuser's access to weapons.

            ## Afterwards

            Add your professional judgement: the score does not decide the risk on its own. If
            the victim will not answer, record that and assess on what you know. Share the DASH
            with the hub whenever children live at, or visit, the address.
            """
        ),
    ),
    ArticleSpec(
        slug="resolving-professional-disagreements",
        title="Escalation: resolving a professional disagreement",
        topics=("Working together",),
        sectors=(CSC, POLICE, HEALTH, EDUCATION, HOUSING, PROBATION),
        owner="police.partnership",
        written_days_ago=560,
        review_in_days=-5,
        body=_md(
            """
            Disagreeing with another agency's decision is normal and healthy: the research
            behind this manual found that partnerships which handle conflict well are stronger
            for it. What goes wrong is a disagreement that is never raised, or one that is
            "resolved until the next time" with nobody learning from it.

            ## The four stages

            | Stage | Who talks to whom | Within |
            |---|---|---|
            | 1 | You and the practitioner who made the decision | 2 working days |
            | 2 | Your manager and theirs | 3 working days |
            | 3 | Heads of service in both agencies | 5 working days |
            | 4 | The partnership's independent scrutineer | 5 working days |

            Start at stage 1 unless a child or adult is at immediate risk: then go straight to a
            manager, and act to keep them safe while the disagreement is resolved.

            ## How to raise it

            Say what decision you disagree with, why, and what you would like to happen
            instead. Stick to the child's or adult's circumstances, not the other agency's
            competence. Record the disagreement in Front Door so that it has a clock and so that
            the partnership can see the pattern across cases.

            ## When it is resolved

            Record the outcome and anything either agency would do differently. The partnership
            reviews the themes every quarter.
            """
        ),
    ),
    ArticleSpec(
        slug="working-with-interpreters",
        title="Working with interpreters",
        topics=("Working together",),
        sectors=(POLICE, CSC, ASC, HEALTH),
        owner="asc.frontline",
        written_days_ago=260,
        review_in_days=230,
        body=_md(
            """
            A person who cannot tell you what is happening in their own language cannot be
            safeguarded. Every agency in the partnership has a contract with a professional
            interpreting service; use it.

            ## Never use

            Family members, friends, neighbours or, above all, children to interpret. They may
            be the source of the harm, they may filter what is said, and a child should never
            have to carry an adult's disclosure of abuse.

            ## Before the visit

            - Check the language and the dialect, and whether a female or male interpreter is
              needed.
            - Where the community is small, ask whether the person knows the interpreter, and
              offer a telephone interpreter from elsewhere in the country.
            - Brief the interpreter on the purpose, not the details, and warn them if the
              conversation may be distressing.

            ## During

            Speak to the person, not the interpreter, in short sentences. The interpreter
            speaks in the first person. Check understanding by asking the person to tell you
            back what will happen next.

            ## Police interviews and court

            Evidential interviews need an interpreter from the National Register of Public
            Service Interpreters. For a Deaf person who uses British Sign Language, book a
            registered BSL interpreter.

            Record the interpreter's name or ID number in your notes.
            """
        ),
    ),
    ArticleSpec(
        slug="out-of-hours-emergency-duty-team",
        title="Out of hours: what the Emergency Duty Team can do",
        topics=("Out of hours",),
        sectors=(CSC, ASC, POLICE, HEALTH),
        owner="csc.hub",
        written_days_ago=480,
        review_in_days=75,
        body=_md(
            """
            The Emergency Duty Team (EDT) is children's and adults' social care for the whole
            county when the offices are closed: from 17:00 to 08:45 on weekdays, and all day at
            weekends and on bank holidays. Call **01632 960999**.

            EDT is a small team covering a large county. It deals with emergencies that cannot
            safely wait until the next working day.

            ## What EDT does

            - finds a place to stay for a child in police protection, or a child who cannot go
              home tonight
            - arranges Mental Health Act assessments through the on-call approved mental health
              professional
            - responds to an adult at risk who needs protection tonight
            - gives advice to police, hospitals and other professionals on what to do now

            ## What EDT does not do

            It does not take routine referrals, carry out planned visits or hold cases. A
            worrying situation that is safe tonight should be referred through Front Door: the
            hub sees it at 08:45 the next working day.

            ## When you ring

            Have ready: the names and dates of birth, where the person is now, what has happened
            tonight, what you have already done, and a number EDT can call back. If EDT is on
            another call, leave a message: they will ring back, usually within the hour.
            """
        ),
    ),
    ArticleSpec(
        slug="missing-children-return-interviews",
        title="Missing children: return home interviews and safe and well checks",
        topics=("Exploitation and missing",),
        sectors=(POLICE, CSC, VOLUNTARY, EDUCATION),
        owner="hub@Harebell Family Centre",
        written_days_ago=390,
        review_in_days=60,
        body=_md(
            """
            When a child comes back after going missing, two conversations follow, and they are
            different.

            ## The police safe and well check

            An officer sees the child soon after their return to check they are safe, whether
            they were harmed or committed a crime while away, and where they were. It is short
            and it is done by the police.

            ## The return home interview

            Statutory guidance on children who run away or go missing says every child should
            be offered an independent return home interview within 72 hours of coming back. In
            Northshire, Harebell Family Centre carries them out. The interviewer is not the
            child's social worker or a police officer, so the child may say things they would
            not say to either.

            The interview explores why the child went (what pushed them away from home or
            pulled them elsewhere), who they were with, and whether they are being exploited.

            ## What partners should do

            - Share what you know before the interview: new friends, new phones, new clothes or
              money, changes in attendance.
            - Read the interview summary when it is shared, and act on it.
            - For a child in care, make sure the Philomena Protocol form (a description,
              photograph and known places) is up to date: it saves hours when they next go
              missing.
            """
        ),
    ),
    ArticleSpec(
        slug="prevent-and-channel",
        title="Prevent and Channel: when and how to refer",
        topics=("Exploitation and missing",),
        sectors=(POLICE, EDUCATION, CSC, HEALTH),
        owner="police.hub",
        written_days_ago=350,
        review_in_days=180,
        body=_md(
            """
            Schools, colleges, health bodies, councils, police and probation have a duty to
            have due regard to the need to prevent people from being drawn into terrorism
            (Counter-Terrorism and Security Act 2015, s.26). In practice: notice, check, share.

            ## Notice

            A change in behaviour, an interest in extremist material, talk of violence towards a
            group, or an older person exerting influence. Any single sign may mean little; the
            pattern matters.

            ## Check

            Talk to your safeguarding lead. Ask the person about it, if it is safe to do so. Is
            this a safeguarding concern of another kind as well (neglect, exploitation, a
            vulnerable adult being groomed)?

            ## Share

            Complete the national Prevent referral form and send it to the Red Rose
            Constabulary Prevent team, who assess every referral. If the person may be at risk
            of harm from others, or a child is involved, refer to the hub through Front Door as
            well.

            Some referrals go to Channel, a multi-agency panel chaired by the council, which
            offers support such as mentoring. Channel is voluntary: the person (or a parent, for
            a child) must agree. It is not a criminal process and leaves no criminal record.

            If there is an immediate threat to life, call 999.
            """
        ),
    ),
    ArticleSpec(
        slug="child-criminal-exploitation",
        title="Child criminal exploitation and county lines: what partners need to know",
        topics=("Exploitation and missing",),
        sectors=(YOUTH_JUSTICE, POLICE, CSC, EDUCATION),
        owner="hub@Northshire Youth Justice Service",
        written_days_ago=410,
        review_in_days=100,
        body=_md(
            """
            Children are recruited to carry and sell drugs, hold cash or weapons, or open their
            homes to dealers ("cuckooing"). They are victims of exploitation, even when they
            also commit offences and even when they seem to be willing.

            ## Language matters

            Do not write that a child is "putting themselves at risk" or "choosing" the
            lifestyle. Describe what is happening to them and who is doing it. Records are read
            by courts, and by the child, years later.

            ## Signs

            Going missing, often to another town; unexplained money, phones or clothes; new
            older friends; injuries they will not explain; travel tickets; a drop in attendance.

            ## What to do

            - Refer to the hub through Front Door, and share intelligence with the police even
              when the child will not make a complaint.
            - Police and children's social care are first responders under the National
              Referral Mechanism for victims of modern slavery. A child does not need to consent
              to an NRM referral.
            - A child charged with an offence connected with their exploitation may have a
              defence under section 45 of the Modern Slavery Act 2015. Tell the youth justice
              worker and the police what you know.

            Think about the places and peer groups where the harm happens, not only the family:
            the partnership's contextual safeguarding meeting can act on a park, a shop or a
            takeaway.
            """
        ),
        revisions=(
            Revision(
                author="school.frontline",
                summary="Added what schools notice first",
                old="Going missing, often to another town;",
                new="Going missing, often to another town; being collected from school by people staff do not know;",
                days_later=90,
            ),
        ),
    ),
    ArticleSpec(
        slug="clares-law",
        title="Clare's Law: the Domestic Violence Disclosure Scheme",
        topics=("Domestic abuse", "Police powers and procedures"),
        sectors=(POLICE, DOMESTIC_ABUSE, CSC, PROBATION),
        owner="police.hub",
        written_days_ago=280,
        review_in_days=250,
        body=_md(
            """
            The Domestic Violence Disclosure Scheme, known as Clare's Law, lets the police tell a
            person about a partner's history of abuse or violence. Statutory guidance under the
            Domestic Abuse Act 2021 governs it.

            ## Two routes

            - **Right to ask**: a person, or someone close to them (a parent, a friend), asks
              the police about a partner.
            - **Right to know**: the police decide to disclose without being asked, because
              information they hold shows a risk. A partner agency can prompt this by telling
              the police what it knows.

            ## What happens

            The police check their records and those of partners, and decide with them whether
            a disclosure is lawful, necessary and proportionate. The guidance expects a decision
            within 28 days, sooner when the risk is urgent. A disclosure is made in person, to
            the person at risk, with a safety plan and usually an offer of support from
            Lanternlight.

            The person told must keep the information confidential. They cannot be given a copy.

            ## How partners help

            If you are supporting someone who is worried about a partner, tell them about the
            scheme and how to apply (online, by phone on 101, or at a police station). If you
            hold information that suggests a risk, share it with the police: it may start a
            right-to-know disclosure.
            """
        ),
    ),
    ArticleSpec(
        slug="operation-encompass",
        title="Operation Encompass: telling schools before the next school day",
        topics=("Domestic abuse", "Education"),
        sectors=(EDUCATION, POLICE),
        owner="hub@Weftbridge High School",
        written_days_ago=230,
        review_in_days=140,
        body=_md(
            """
            When the police attend a domestic abuse incident where a child lives, Red Rose
            Constabulary tells the child's school before the start of the next school day. The
            school can then be ready for a child who may have had no sleep and seen things no
            child should.

            ## What the school receives

            A short notification to the school's key adult (usually the designated safeguarding
            lead): the child's name, that an incident happened, and when. Not the details of the
            incident.

            ## What the school does

            Offers quiet support: a calm start, a trusted adult, understanding about homework
            or behaviour that day. Staff do not question the child about the incident; if the
            child talks about it, listen and record their words, and follow the school's
            safeguarding procedures.

            ## What it is not

            An Operation Encompass notification is not a referral to children's social care. If
            the school has wider worries, it refers to the hub through Front Door as usual.

            Schools: keep the key adult's details up to date with the police, including who
            covers in the holidays.
            """
        ),
    ),
    ArticleSpec(
        slug="allegations-against-staff-lado",
        title="Allegations against people who work with children: the LADO",
        topics=("Child protection process", "Education"),
        sectors=(CSC, EDUCATION, POLICE, HEALTH),
        owner="csc.chair",
        written_days_ago=640,
        review_in_days=-90,
        body=_md(
            """
            When someone who works or volunteers with children may have harmed a child, the
            concern goes to the Local Authority Designated Officer (LADO) within one working
            day. In Northshire the LADO sits in the Safeguarding and Quality Assurance Unit.

            ## When to refer

            When an adult who works with children has:

            - behaved in a way that has harmed, or may have harmed, a child
            - possibly committed a criminal offence against or related to a child
            - behaved towards a child or children in a way that shows they may pose a risk of
              harm, or
            - behaved in a way that shows they may not be suitable to work with children, even
              outside work.

            ## What not to do

            Do not investigate, interview the adult or gather statements yourself. Do not tell
            the adult about the allegation until you have spoken to the LADO, who will agree with
            the police what can be said, and when.

            ## Then

            The LADO chairs a meeting with the employer, police and children's social care where
            needed, and tracks the matter to its outcome. Employers stay responsible for
            employment decisions. For schools, Keeping Children Safe in Education sets out the
            detail.
            """
        ),
    ),
    ArticleSpec(
        slug="writing-a-child-protection-conference-report",
        title="Writing a report for a child protection conference",
        topics=("Child protection process",),
        sectors=(HEALTH, EDUCATION, POLICE, GP, CSC),
        owner="csc.chair",
        written_days_ago=320,
        review_in_days=160,
        body=_md(
            """
            An initial child protection conference decides whether a child needs a child
            protection plan. Your report is part of the evidence, and the family will read it.

            ## Write it for the family, too

            Plain words, no acronyms, no jargon. Parents who understand the worries are more
            likely to work with the plan. Share your report with them at least one working day
            before the conference, unless the chair agrees it would put the child at risk.

            ## What to include

            - how you know the child, and how often you see them
            - what you have seen and heard, with dates: facts first
            - what is going well (strengths matter and the chair will ask)
            - what worries you, and how much
            - what the child says and how they seem: their voice, in their words
            - your recommendation, and why

            ## Police reports

            The police provide what is relevant and proportionate: incidents involving the
            household, and any investigation's stage, if it can be shared without harming it.
            Say clearly what may not be shared with the family.

            Send the report to the conference administrator by the deadline in the invitation.
            If you cannot attend, send someone who knows the child.
            """
        ),
    ),
    ArticleSpec(
        slug="adult-safeguarding-section-42",
        title="Adult safeguarding: the section 42 test and Making Safeguarding Personal",
        topics=("Adults at risk",),
        sectors=(ASC, POLICE, HEALTH, HOUSING),
        owner="asc.hub",
        written_days_ago=370,
        review_in_days=110,
        body=_md(
            """
            The council must make enquiries, or ask others to, when an adult (Care Act 2014,
            s.42):

            1. has needs for care and support (whether or not they are being met),
            2. is experiencing, or is at risk of, abuse or neglect, and
            3. as a result of those needs, cannot protect themselves.

            All three must be met for a section 42 enquiry. An adult who does not meet them may
            still need help from another service, and a crime is still a matter for the police.

            ## Making Safeguarding Personal

            Ask the adult what they want to happen, and record it in their words. An adult who
            has capacity can make decisions others think unwise. Safeguarding is done with
            people, not to them.

            There are limits. Where others are at risk (children in the household, other
            residents of a care home), where a serious crime has been committed, or where the
            adult is being coerced, you may need to act against their wishes. Tell them, and
            say why.

            ## Referring

            Send the concern through Front Door. The adult safeguarding team in the hub decides
            within two working days whether a section 42 enquiry is needed.
            """
        ),
    ),
    ArticleSpec(
        slug="mental-capacity-basics",
        title="Mental capacity: what every practitioner needs to know",
        topics=("Adults at risk",),
        sectors=(ASC, HEALTH, POLICE, HOUSING),
        owner="asc.frontline",
        written_days_ago=520,
        review_in_days=20,
        body=_md(
            """
            The Mental Capacity Act 2005 applies to everyone aged 16 or over, in every agency.

            ## The five principles

            1. Assume a person has capacity unless it is shown they do not.
            2. Help them to make the decision before deciding they cannot.
            3. An unwise decision does not, by itself, mean a person lacks capacity.
            4. A decision made for a person who lacks capacity must be in their best interests.
            5. Choose the option that restricts their rights and freedom least.

            ## The test

            Capacity is about one decision at one time. Does the person have an impairment of, or
            a disturbance in the functioning of, the mind or brain? Because of it, can they
            understand, retain and weigh the information relevant to this decision, and
            communicate their decision?

            ## In practice

            Record the decision in question, what you explained and how, and what the person
            said. "Lacks capacity" on its own, with no decision named, is not an assessment.

            In an emergency, anyone may act to protect a person who lacks capacity, using no
            more force than necessary, under sections 5 and 6 of the Act. Where the person
            appears to have capacity and refuses help, and no one else is at risk, their
            refusal stands: record it and keep the door open.
            """
        ),
    ),
    ArticleSpec(
        slug="section-136-mental-health-crisis",
        title="Section 136 and mental health crises in public places",
        topics=("Adults at risk", "Police powers and procedures"),
        sectors=(POLICE, HEALTH, ASC),
        owner="hub@Northshire Community Health NHS Trust",
        written_days_ago=440,
        review_in_days=-30,
        body=_md(
            """
            Under section 136 of the Mental Health Act 1983 a police officer may take a person
            who appears to have a mental disorder and to need immediate care or control to a
            place of safety, from anywhere except a private home.

            ## Before using it

            The officer must, where practicable, consult a mental health professional first. In
            Northshire the street triage nurse in the force control room takes these calls from
            18:00 to 02:00; at other times, call the crisis team through NHS 111. Often there is
            a better option than detention.

            ## The place of safety

            Usually the health-based place of safety at the county's mental health unit. A
            police cell may never be used for a child, and for an adult only in exceptional
            circumstances. Detention lasts up to 24 hours (extendable by 12 in limited cases)
            while a doctor and an approved mental health professional assess the person.

            ## In a home

            Section 136 does not apply inside someone's home. There, a magistrate's warrant under
            section 135 is needed to enter, usually applied for by an approved mental health
            professional, unless there is an immediate risk to life (police entry under PACE
            s.17).
            """
        ),
    ),
    ArticleSpec(
        slug="fgm-mandatory-reporting",
        title="Female genital mutilation: the mandatory reporting duty",
        topics=("Health", "Child protection process"),
        sectors=(HEALTH, GP, EDUCATION, POLICE, CSC),
        owner="health.frontline",
        written_days_ago=600,
        review_in_days=-120,
        body=_md(
            """
            Regulated health and social care professionals and teachers in England must report
            to the police when, in the course of their work, they discover that female genital
            mutilation (FGM) appears to have been carried out on a girl under 18 (Female Genital
            Mutilation Act 2003, s.5B). "Discover" means the girl tells you, or you see physical
            signs.

            ## How

            Call 101 and say you are making a report under the FGM mandatory reporting duty. Do
            it yourself: the duty is personal and cannot be passed to a colleague or a
            safeguarding lead. Best practice is to report by the end of the next working day.
            Record the reference number.

            ## Also

            Follow normal safeguarding procedures and refer to the hub through Front Door: other
            girls in the family may be at risk. Do not examine a girl to look for signs unless
            examining is part of your normal role.

            Where a girl is at risk of FGM but it has not happened, the mandatory duty does not
            apply: refer to the hub. An FGM protection order can be sought from the family court.
            """
        ),
    ),
    ArticleSpec(
        slug="honour-based-abuse-and-forced-marriage",
        title="Honour-based abuse and forced marriage: the one chance rule",
        topics=("Domestic abuse",),
        sectors=(DOMESTIC_ABUSE, POLICE, EDUCATION, CSC),
        owner="hub@Lanternlight Domestic Abuse Service",
        written_days_ago=270,
        review_in_days=210,
        body=_md(
            """
            A person at risk of forced marriage or honour-based abuse may only ever get one
            chance to tell someone. Treat the first disclosure as the only one.

            ## Do

            - See them alone, somewhere safe, straight away.
            - Use a professional interpreter from outside their community, by phone if need be.
            - Agree a safe way and a code word to contact them.
            - Take a photograph and details of their passport, if they are at risk of being
              taken abroad.
            - Call the police (999 if they are in danger now) and refer to the hub.

            ## Do not

            - Contact the family, or anyone in the community, to "sort it out".
            - Use mediation or family conferences.
            - Send them home to think about it.

            Since February 2023 it has been a crime in England and Wales to arrange for anyone
            under 18 to marry, even without force. The Forced Marriage Unit gives advice to
            professionals, and the family court can make a forced marriage protection order.
            """
        ),
    ),
    ArticleSpec(
        slug="homelessness-duty-to-refer",
        title="Homelessness: the duty to refer and what housing can do",
        topics=("Housing",),
        sectors=(HOUSING, PROBATION, HEALTH, CSC, ASC),
        owner="housing.hub",
        written_days_ago=340,
        review_in_days=95,
        body=_md(
            """
            Some public bodies must refer a person who may be homeless, or threatened with
            homelessness within 56 days, to a housing authority of the person's choice, with
            their consent (Housing Act 1996, s.213B, added by the Homelessness Reduction Act
            2017). They include prisons, probation, emergency departments, hospitals, social
            services and Jobcentre Plus. The police are not on the list, but may refer in the
            same way.

            ## What housing does

            - **Prevention**: help for 56 days to keep the person in their home or find another.
            - **Relief**: help for 56 days to find somewhere once they are homeless.
            - **Interim accommodation** while the council decides, if the person may be
              eligible, homeless and in priority need. Victims of domestic abuse who are
              homeless as a result have priority need (Domestic Abuse Act 2021).

            ## Sixteen and seventeen-year-olds

            A homeless 16 or 17-year-old is first a matter for children's social care, which must
            assess whether they need to be looked after. Refer to the hub as well as to housing,
            and do not let either send the young person to the other.

            ## Refer early

            A referral on the day of release from prison or discharge from hospital gives
            housing no time to prevent anything. Refer as soon as the date is known.
            """
        ),
        revisions=(
            Revision(
                author="probation.hub",
                summary="Added probation's release timescales",
                old="A referral on the day of release from prison",
                new=(
                    "Probation aims to refer at least 12 weeks before a release date. "
                    "A referral on the day of release from prison"
                ),
                days_later=75,
            ),
        ),
    ),
    ArticleSpec(
        slug="working-with-probation",
        title="Working with probation: what they can share and when to ask",
        topics=("Information sharing", "Working together"),
        sectors=(PROBATION, POLICE, CSC, DOMESTIC_ABUSE),
        owner="probation.hub",
        written_days_ago=250,
        review_in_days=190,
        body=_md(
            """
            The Probation Service supervises adults on community orders and on licence after
            prison. Its practitioners know a great deal about the people they supervise and want
            partners to ask.

            ## What probation can share for safeguarding

            - whether a person is under supervision, the order or licence, and its end date
            - licence conditions, such as not contacting a named person or not living with
              children
            - the assessed risk of serious harm (low, medium, high or very high) and who is at
              risk
            - a proposed release address, and the checks made on it

            ## When to tell probation

            Always tell probation when someone they supervise comes to your notice as a risk to
            a child or an adult: a new partner with children, a breach of conditions, a domestic
            abuse incident. A licence can be varied, and a person recalled to prison, on what
            partners report.

            ## Release addresses

            Before someone convicted of offences against children or of domestic abuse is
            released, probation asks the hub for safeguarding checks on the proposed address.
            Answer these requests fully and on time: they decide where the person lives.
            """
        ),
    ),
    ArticleSpec(
        slug="mappa-what-partners-contribute",
        title="MAPPA: what partners contribute",
        topics=("Working together", "Police powers and procedures"),
        sectors=(POLICE, PROBATION, CSC, HOUSING, HEALTH),
        owner="police.chair",
        written_days_ago=590,
        review_in_days=-45,
        body=_md(
            """
            Multi-Agency Public Protection Arrangements (MAPPA) manage the risk posed by
            registered sex offenders, violent offenders sentenced to 12 months or more, and
            others who pose a risk of serious harm. Police, probation and prisons are the
            responsible authority; children's social care, health, housing, education and others
            have a duty to co-operate.

            ## The levels

            - **Level 1**: managed by the lead agency with ordinary information sharing.
            - **Level 2**: the case needs active multi-agency management at regular meetings.
            - **Level 3**: the highest risk, needing senior representatives who can commit
              resources.

            ## What partners bring

            Children's social care: children in contact with the person, now or through a new
            partner. Housing: the tenancy and the neighbourhood, and whether an address is
            suitable. Health: engagement with treatment, where it bears on risk.

            Information shared at MAPPA meetings stays within the purpose of managing risk.
            Do not pass minutes on; ask the chair if you need to share an action with a
            colleague.
            """
        ),
    ),
    ArticleSpec(
        slug="fire-safe-and-well-visits",
        title="Fire and rescue Safe and Well visits: a way into the home",
        topics=("Adults at risk", "Housing"),
        sectors=(FIRE, ASC, HEALTH, HOUSING),
        owner="hub@Northshire Fire and Rescue Service",
        written_days_ago=200,
        review_in_days=260,
        body=_md(
            """
            Northshire Fire and Rescue Service visits homes free of charge to fit smoke alarms
            and talk about fire safety, falls, and health. Firefighters are welcomed into homes
            that close the door on other agencies.

            ## Refer someone for a visit when

            - they smoke and have limited mobility, or use emollient creams or home oxygen
            - they hoard, or the home is cluttered enough to block an escape route
            - they live alone with memory problems, or have had a small fire or a near miss
            - they are a victim of domestic abuse or harassment and at risk of arson: crews fit
              letterbox protection and give safety advice

            Refer through Front Door or on the service's own form, with the person's consent.

            ## What firefighters refer back

            Crews are trained to spot self-neglect, abuse and unsafe living conditions, and refer
            to adult or children's social care. If they refer to you, they will want to know
            what happened: tell them.
            """
        ),
    ),
    ArticleSpec(
        slug="joint-visits-police-and-social-care",
        title="Joint visits by police and social care",
        topics=("Child protection process", "Working together"),
        sectors=(CSC, POLICE),
        owner="csc.frontline",
        written_days_ago=160,
        review_in_days=300,
        body=_md(
            """
            When a strategy discussion decides on a joint visit, plan it together before you
            knock on the door: ten minutes in the car park saves a confused family and a lost
            opportunity.

            ## Agree

            - **Who leads**: usually the social worker leads on the child's welfare and the
              officer on any crime. Say so to the family.
            - **Who speaks to whom**: who sees the child alone, who talks to the parents.
            - **What you will say** about why you are there, and what you will not say yet.
            - **What happens if** a parent refuses entry, a suspect is present, or the child
              discloses.

            ## On the visit

            Neither of you should question the child in detail about an allegation. Establish
            whether they are safe, listen, and note their exact words. A detailed account is for
            a planned, video-recorded interview.

            ## Afterwards

            Debrief together straight away, agree who records what, and tell the hub the
            outcome the same day.
            """
        ),
    ),
    ArticleSpec(
        slug="when-a-child-discloses",
        title="When a child tells you: why partners should not question children",
        topics=("Child protection process",),
        sectors=(EDUCATION, HEALTH, CSC, POLICE, VOLUNTARY),
        owner="police.chair",
        written_days_ago=660,
        review_in_days=30,
        body=_md(
            """
            If a child tells you they have been abused, your job is to listen, not to
            investigate. Questions, however kind, can contaminate the evidence a court will need
            and can make the child tell the story many times.

            ## Do

            - Listen. Let them say it their way.
            - Use open prompts only if you need to: "Tell me more", "What happened next?"
            - Write down, as soon as you can, exactly what they said and what you said, with
              the time and place.
            - Tell them what you will do next, and that you cannot keep it secret.
            - Refer to the hub straight away, or call 999 if they are in danger.

            ## Do not

            - Ask leading questions ("Did he touch you?").
            - Promise to keep it to yourself.
            - Contact the alleged abuser or, without advice, the parents.

            ## What the police do

            Specially trained officers, with a social worker, interview the child on video,
            following the Achieving Best Evidence guidance, so that the child's account can be
            played in court. A registered intermediary can help a young or disabled child
            communicate.
            """
        ),
    ),
    ArticleSpec(
        slug="arranging-a-child-protection-medical",
        title="Arranging a child protection medical",
        topics=("Health", "Child protection process"),
        sectors=(HEALTH, CSC, POLICE),
        owner="health.hub",
        written_days_ago=310,
        review_in_days=170,
        body=_md(
            """
            A child protection medical is an examination by a paediatrician to look for and
            record injuries or signs of neglect or abuse, and to treat the child.

            ## Who asks

            Children's social care or the police request it, usually after a strategy
            discussion. Schools, nurseries and health visitors raise the concern with the hub;
            they do not book medicals themselves.

            ## How

            From 09:00 to 17:00 every day, call the on-call community paediatrician through
            Northshire Community Health. Out of hours, the on-call paediatrician at Ribbleside
            hospitals. For a recent injury the medical should be the same day: bruises fade.

            ## Consent

            A person with parental responsibility must consent, or a child who is competent to
            do so; otherwise a court order is needed. The social worker should bring the parent
            or get consent in writing.

            ## Babies

            Any bruise on a baby who is not yet mobile must be taken seriously and assessed:
            follow the partnership's bruising protocol. Children under two with a suspected
            physical abuse injury usually need a skeletal survey.
            """
        ),
    ),
    ArticleSpec(
        slug="early-help-or-referral",
        title="Early help or a referral to the hub? Using the continuum of need",
        topics=("Making referrals", "Education"),
        sectors=(EDUCATION, CSC, HEALTH, VOLUNTARY),
        owner="hub@Weftbridge High School",
        written_days_ago=420,
        review_in_days=80,
        body=_md(
            """
            The partnership's continuum of need has four levels. The level decides the route.

            | Level | What it looks like | What to do |
            |---|---|---|
            | 1 | Needs met by universal services | Carry on |
            | 2 | Additional needs one agency can meet | Support the family yourself |
            | 3 | Complex needs or a child in need | Early help assessment, or refer to the hub |
            | 4 | Risk of significant harm | Refer to the hub now |

            ## Early help

            Early help is support the family agrees to. Start an early help assessment with the
            family's consent and bring in the services they need. You do not need the hub's
            permission.

            ## Not sure?

            Ring the hub's consultation line and talk it through without naming the family. The
            hub would rather hear about a child it does not need to act on than miss one.

            Do not describe a worry as more serious than it is to get a service: the hub will
            see it, and it costs trust.
            """
        ),
    ),
    ArticleSpec(
        slug="hearing-back-after-you-refer",
        title="Hearing back after you refer",
        topics=("Making referrals",),
        sectors=(POLICE, CSC),
        owner="police.partnership",
        written_days_ago=150,
        review_in_days=215,
        body=_md(
            """
            Practitioners who refer, and hear nothing, stop referring. The research behind this
            manual heard exactly that from officers. Working Together to Safeguard Children
            expects the council to acknowledge a referral and decide on it within one working
            day, and to tell the referrer what will happen.

            ## In Front Door

            Your referral's page shows its status and the hub's decision as soon as it is made,
            and you get a message. Look in "My referrals".

            ## If you hear nothing

            After one working day, ask the hub. If you still have no answer, escalate to a hub
            manager.

            ## If you disagree with the decision

            Say so, with your reasons, and use the escalation procedure. A "no further action"
            is a decision on what the hub knew: if you know more, tell them.

            ## Why you may not hear everything

            The hub will tell you the decision and anything you need to do. It may not tell you
            the details of an assessment or an investigation, for the family's privacy or to
            protect the investigation.
            """
        ),
    ),
    ArticleSpec(
        slug="professional-curiosity",
        title="Professional curiosity: asking the second question",
        topics=("Working together",),
        sectors=(CSC, POLICE, HEALTH, EDUCATION, PROBATION, HOUSING),
        owner="probation.frontline",
        written_days_ago=540,
        review_in_days=-10,
        body=_md(
            """
            Case reviews keep finding the same thing: practitioners accepted the first
            explanation. Professional curiosity is the habit of asking the second question, and
            checking the answer.

            ## Habits that help

            - **Ask who else lives there**, and who visits. Men in the household are too often
              invisible in records.
            - **Check the story against what you see**: a parent's explanation of an injury, a
              claim that "he has moved out".
            - **Notice what has changed**: a child who used to chat and now does not; a home
              that used to be tidy.
            - **Triangulate**: what do the school, the GP and the police know? Ask the hub.
            - **Beware disguised compliance**: a family that agrees to everything and changes
              nothing.

            ## And keep an open mind

            Curiosity cuts both ways. Look for evidence that you are wrong, as well as right.
            Record what you checked and what you found, not just what you were told.
            """
        ),
    ),
    ArticleSpec(
        slug="concerns-about-an-unborn-baby",
        title="Concerns about an unborn baby",
        topics=("Health", "Making referrals"),
        sectors=(HEALTH, CSC, GP),
        owner="health.frontline",
        written_days_ago=230,
        review_in_days=130,
        body=_md(
            """
            A baby's first weeks are the most dangerous of their life. If you are worried about
            how a baby will be cared for, refer before the birth, not after.

            ## When to refer

            - an older child was removed from the parents' care, or is on a plan
            - domestic abuse, heavy substance use or serious mental illness in either parent
            - a parent who is a care leaver or a child themselves, without support
            - late booking or concealed pregnancy

            ## When

            Refer as early as you can, and in Northshire by 20 weeks of pregnancy wherever
            possible. A pre-birth assessment takes time, and the family needs time to show what
            they can change.

            ## Who

            Midwives, GPs, health visitors, probation and any practitioner who knows of the
            pregnancy. Tell the hub the expected date of delivery and the hospital booked.

            The partnership's pre-birth protocol sets out the timescales for a pre-birth
            assessment and any conference.
            """
        ),
    ),
    ArticleSpec(
        slug="working-with-drug-and-alcohol-services",
        title="Working with drug and alcohol services",
        topics=("Health", "Information sharing"),
        sectors=(SUBSTANCE_MISUSE, CSC, PROBATION, HEALTH),
        owner="hub@Fresh Tide Recovery Service",
        written_days_ago=290,
        review_in_days=175,
        body=_md(
            """
            Fresh Tide Recovery Service works with adults who use drugs or alcohol. People come
            to us because they trust us, and they stay if we keep that trust. We also have a
            duty to protect their children.

            ## What we share

            With consent, whatever helps. Without consent, what is needed to protect a child or
            an adult at risk: whether the person is in treatment, how often they attend, and what
            worries us. We tell the person we are sharing, unless that would increase the risk.

            ## What we ask partners

            - Tell us when you are worried about the children of someone in treatment. We ask
              every parent about their children, but we only see part of the picture.
            - Invite us to strategy discussions, conferences and core groups.
            - Ask us before assuming that a positive test means a child is unsafe: it depends
              on the pattern, who else cares for the child, and where drugs are kept.

            ## Safety

            We give naloxone, which reverses an opioid overdose, to people who use opioids and
            to their families. Ask us about training.
            """
        ),
    ),
    ArticleSpec(
        slug="spotting-young-carers",
        title="Spotting young carers",
        topics=("Education", "Adults at risk"),
        sectors=(VOLUNTARY, EDUCATION, ASC, HEALTH),
        owner="hub@Northshire Young Carers",
        written_days_ago=180,
        review_in_days=280,
        body=_md(
            """
            A young carer looks after someone in their family who is ill, disabled, or who
            misuses drugs or alcohol. Many do not know they are carers, and many hide it.

            ## Signs

            Late or missing school, tiredness, homework not done, isolation from friends, anxiety
            about home, and an adult in the family whose needs are obvious but unsupported.

            ## Their rights

            A young carer has the right to an assessment of their needs by the council (Children
            Act 1989, s.17ZA). The adult they care for may be entitled to support under the Care
            Act 2014, which should reduce what the child has to do.

            ## What to do

            - Ask: "Does anyone at home need looking after?"
            - Refer to Northshire Young Carers with the young person's agreement.
            - Think whole family: when adult services assess the parent, they should ask about
              the children, and the children's needs should be part of the plan.
            """
        ),
    ),
    ArticleSpec(
        slug="why-police-checks-take-time",
        title="Why police checks take eight weeks (and when they take four hours)",
        topics=("Police powers and procedures", "Information sharing"),
        sectors=(POLICE, CSC),
        owner="police.hub",
        written_days_ago=140,
        review_in_days=225,
        body=_md(
            """
            Partners are often surprised that a social care assessment has a 10-day clock while
            police checks for a fostering assessment take up to eight weeks. Both are right:
            they are different checks for different purposes.

            ## Hub checks for a child at risk

            When the hub rates a contact red, police researchers in the hub search police
            systems within four hours. Routine hub checks are answered within three working
            days. These checks look for what matters to the decision in front of the hub.

            ## Checks for assessments

            Checks for fostering, adoption and other planned assessments cover every adult in
            the household, across force areas, and go through a disclosure decision: what may be
            shared, and with whom. That takes up to eight weeks.

            ## Getting the right one

            If a child is at risk now, say so, and the request goes through the hub, not the
            routine queue. If you ask for "full police checks" for an assessment, expect the
            longer timescale, and ask early.
            """
        ),
    ),
)

FEEDBACK: tuple[tuple[bool, str], ...] = (
    (True, "Used this on a night shift last week. It saved me a call I did not need to make."),
    (False, "Could you add what to do in the school holidays, when the key adult is away?"),
    (True, ""),
    (False, "I think the out-of-hours number in here has changed since this was written."),
    (True, "Shared this with the new starters in our team. Clear and short."),
    (False, "Please add something about children who are educated at home."),
    (True, "The table of stages is exactly what I needed."),
    (True, ""),
    (False, "It would help to know how long the other agency usually takes to reply."),
    (True, "Wish I had read this in my first month."),
)
FEEDBACK_ARTICLES = 14


class ManualAlreadyLoaded(Exception):
    """The manual already has articles; the demo loads into an empty one."""


class _People:
    """Resolves the owner references in the specs to demo practitioners."""

    def __init__(self) -> None:
        from frontdoor.manual.access import WRITER_ROLES

        from .data import AGENCIES
        from .generator import KINDS

        practitioners = list(
            Practitioner.objects.filter(is_active=True, agency__isnull=False)
            .select_related("agency")
            .order_by("pk")
        )
        self.by_username = {p.username: p for p in practitioners}
        self.writers = [p for p in practitioners if p.role in WRITER_ROLES]
        if not self.writers:
            raise ValueError("the demo manual needs the demo partnership's practitioners")
        # An agency's safeguarding lead: its hub practitioner where it sits in the hub,
        # otherwise whoever holds its hub job title (see generator._PeopleMaker.others).
        hub_titles = {spec.name: KINDS[spec.kind].hub_title for spec in AGENCIES}
        self.lead_by_agency: dict[str, Practitioner] = {}
        for practitioner in sorted(
            self.writers, key=lambda p: (p.role != Role.HUB_PRACTITIONER, p.pk)
        ):
            name = practitioner.agency.name
            is_lead = practitioner.role == Role.HUB_PRACTITIONER or (
                practitioner.job_title == hub_titles.get(name)
            )
            if is_lead:
                self.lead_by_agency.setdefault(name, practitioner)
            self.lead_by_agency.setdefault(f"any:{name}", practitioner)

    def resolve(self, reference: str, *, strict: bool = False) -> Practitioner:
        if reference.startswith("hub@"):
            name = reference.removeprefix("hub@")
            found = self.lead_by_agency.get(name) or self.lead_by_agency.get(f"any:{name}")
        else:
            found = self.by_username.get(reference)
        if found is None and strict:
            raise LookupError(f"no demo practitioner for {reference!r}")
        # A partnership loaded some other way still gets its manual, owned by someone real.
        return found or self.writers[0]


def _apply(body: str, revision: Revision) -> str:
    if not revision.old:
        return body.rstrip("\n") + "\n\n" + revision.new
    if revision.old not in body:
        raise ValueError(f"revision {revision.summary!r} does not match its article")
    return body.replace(revision.old, revision.new, 1)


def build_manual(*, seed: int = 2026) -> list:
    """Load the demo manual through the real services: topics, 30+ articles, versions, feedback."""
    from frontdoor.manual import services
    from frontdoor.manual.models import Article

    if Article.objects.exists():
        raise ManualAlreadyLoaded("the manual already holds articles")
    rng = random.Random(seed + 9)  # nosec B311 (repeatable demo data, not security)
    people = _People()
    now = timezone.now().replace(second=0, microsecond=0)
    today = timezone.localdate(now)
    by_sector: dict[str, list[Agency]] = {}
    for agency in Agency.objects.filter(is_active=True).order_by("name"):
        by_sector.setdefault(agency.sector, []).append(agency)
    articles = []
    with transaction.atomic():
        topics = {
            name: services.topic_create(by=None, name=name, description=description)
            for name, description in TOPICS
        }
        for spec in ARTICLES:
            owner = people.resolve(spec.owner)
            written: datetime = now - timedelta(days=spec.written_days_ago, hours=rng.randint(1, 9))
            article = services.article_create(
                by=owner,
                title=spec.title,
                body=spec.body,
                slug=spec.slug,
                topics=[topics[name] for name in spec.topics],
                agencies=[a for sector in spec.sectors for a in by_sector.get(sector, [])],
                owner=owner,
                review_by=today + timedelta(days=spec.review_in_days),
                now=written,
            )
            body = spec.body
            for revision in spec.revisions:
                body = _apply(body, revision)
                services.article_edit(
                    article=article,
                    by=people.resolve(revision.author),
                    base_version=article.version,
                    title=spec.title,
                    body=body,
                    summary=revision.summary,
                    now=written + timedelta(days=revision.days_later),
                )
                article.refresh_from_db()
            articles.append(article)
        readers = people.writers
        for article in rng.sample(articles, min(FEEDBACK_ARTICLES, len(articles))):
            helpful, comment = rng.choice(FEEDBACK)
            reader = rng.choice([p for p in readers if p.pk != article.owner_id] or readers)
            services.feedback_give(
                article=article,
                by=reader,
                helpful=helpful,
                comment=comment,
                now=now - timedelta(days=rng.randint(1, 40)),
            )
    return articles
