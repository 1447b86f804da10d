"""The fixed sections of the skeleton `partnerdocs new` writes: plain commented YAML, the same for every
partnership (scaffold.py assembles them with the sections that depend on the chosen level and leadership)."""

from __future__ import annotations

MEETINGS = """
# --- Meetings ---------------------------------------------------------------
# When the partnership meets, and the rules every meeting keeps. The charter
# and the onboarding packet print them. Copy a `- name:` block per meeting.
meetings:
  regular:
    - name: "TODO: what the meeting is called, e.g. Monthly check-in"
      schedule: "TODO: when it happens, e.g. first Thursday of each month, 9:30-10:30"
      format: "TODO: in person, by video or both, and where"
  ground_rules:
    - Never name or describe a survivor in a way that could identify them
    - Raise problems early and without blame
    - "TODO: a rule your members agree on (or delete this line)"
"""

CONFIDENTIALITY = """
# --- Confidentiality --------------------------------------------------------
# The laws that protect survivors' information, and the written permission
# (a "release") a survivor signs before anything about them is shared. The
# MOU, the charter and the onboarding packet explain these rules.
# law, one of:
{laws}
# Add `applies_to:` with member ids when a law binds only some members.
confidentiality:
  laws:
    - law: confidentiality_of_information
      note: "TODO: what this rule means for your members"
  release:
    # Days a survivor's signed release stays valid; 90 is common.
    time_limit_days: 90
  sharing_rules:
    - >-
      Nothing that could identify a survivor is shared without their
      informed, written and time-limited release, and services never depend
      on signing one.
"""

PROTECTIONS = """
# --- Mandatory reporting ----------------------------------------------------
# What staff must report by law, so survivors can be told honestly what stays
# confidential. The MOU, the charter and the onboarding packet print it.
# The state law's citation goes in a field named legal_reference: add it only
# when your counsel gives it to you, copied exactly. Never guess a citation.
mandatory_reporting:
  minors: "TODO: what staff do when a minor may be involved"
  disclosure: "TODO: how survivors learn the limits of confidentiality"

# --- Media ------------------------------------------------------------------
# How the partnership speaks in public: who approves joint statements, and
# rules every member keeps. The MOU, the charter and both guides print them.
media:
  approval: "TODO: who approves joint public statements, e.g. every lead, in writing"
  rules:
    - No survivor is named, pictured or described without their written consent.

# --- Survivor voice ---------------------------------------------------------
# How survivors shape the partnership, and how they are paid for their time
# and expertise like any other expert. The MOU, the charter and the
# onboarding packet describe it.
survivor_engagement:
  approach: "TODO: in a few sentences, how survivors shape the partnership's work"
  compensation: "TODO: how survivors are paid for their time, e.g. an hourly rate"
"""

AGREEMENT = """
# --- The agreement (MOU) ----------------------------------------------------
# The terms of the Memorandum of Understanding: without this section no MOU
# is built. The charter and the onboarding packet refer to these terms too.
agreement:
  # type: mou or moa. binding: non_binding (the usual MOU) or binding.
  type: mou
  binding: non_binding
  # Length of each term in months. renewal: automatic, by_written_amendment
  # or none.
  term_months: 12
  renewal: by_written_amendment
  # Days of written notice a member gives before it leaves the partnership.
  termination_notice_days: 30
  amendment: In writing, signed by the signatory of every member.
"""

EMERGENCY = """
# --- Emergencies ------------------------------------------------------------
# What happens when something goes wrong. The Emergency and Crisis Response
# Guide, read by the core team only, is built from this section.
# hazards, any of:
{hazards}
emergency:
  activation: "TODO: who starts the emergency plan, and when"
  hazards:
    - data_breach
    - loss_of_key_personnel
  # Who steps in when a leader cannot act: positions (not people), in order,
  # at least three deep. Copy the `- role:` block for each leadership role.
  succession:
    - role: "TODO: the role covered, e.g. the lead organization's contact"
      order:
        - position: "TODO: first in line, e.g. Program Director"
          member: member-one
        - position: "TODO: second in line, e.g. Deputy Director"
          member: member-one
        - position: "TODO: third in line, e.g. Executive Director"
          member: member-one
  alternate_meeting: "TODO: where the partnership meets when its usual place cannot be used"
"""

EVALUATION = """
# --- Evaluation -------------------------------------------------------------
# How the members learn whether the partnership works. The evaluation plan
# prints each item below (a line to complete for any you delete) and the
# charter sums them up. Copy a `- question:`, `- data:` or `- name:` block
# for each further entry.
evaluation:
  evaluator: member-one  # the member that leads the evaluation
  purpose: "TODO: what the members want the evaluation to do for them"
  questions:
    - question: "TODO: something the members want to learn"
      goal: "TODO: a short name for the goal"  # a goal's name above, exactly
      why: "TODO: what the members will decide or change with the answer"
  data_sources:
    - "TODO: data that already exists, e.g. a shared referral log"
  data_collection:
    - data: "TODO: what is collected, e.g. counts of referrals"
      type: quantitative  # quantitative (numbers) or qualitative (words)
      method: "TODO: how it is collected, without identifying anyone"
      collected_by: member-one
  # basic (the members count and ask for feedback themselves) or advanced
  # (comparison groups, usually with a trained evaluator).
  design: basic
  limitations: "TODO: what the evaluation will not show, and whom it leaves out"
  outside_help: "TODO: help needed from outside the members, or why none is"
  involvement: "TODO: how member staff take part in the evaluation"
  timeframes: "TODO: when data is collected and results reviewed"
  data_to_action: "TODO: how and when results are turned into action"
  reporting: "TODO: when results are reported, and to whom"
  # Each measure names the member that records it and an outcome of the
  # logic model below, written exactly as it is there.
  metrics:
    - name: "TODO: something the members count, e.g. referrals made"
      recorded_by: member-one
      outcome: "TODO: a change the partnership expects"
  logic_model:
    inputs:
      - "TODO: a resource put in, e.g. staff time"
    activities:
      - "TODO: what the members do"
    outputs:
      - "TODO: what the activities produce, e.g. referrals"
    outcomes:
      - "TODO: a change the partnership expects"
    external_factors:
      - "TODO: an outside influence, e.g. the local job market"
"""

WELCOME = """
# --- Welcoming new members --------------------------------------------------
# What a new contact does in their first three months. The onboarding packet
# prints this checklist.
onboarding:
  first_90_days:
    - Read the MOU and the governance charter.
    - Meet the primary contact of every other member.
    - Make sure your organization has named a backup contact.

# --- Words we use -----------------------------------------------------------
# Terms and acronyms, with what they mean in this partnership. The MOU and the
# onboarding packet list them. Copy the two lines for each new term.
definitions:
  - term: PII
    meaning: >-
      Personally identifying information: anything that could identify a
      survivor, such as a name, address, phone number or date of birth.
  - term: "TODO: a word or acronym your members use"
    meaning: "TODO: what it means in this partnership"
"""

FUNDING = """
# --- Grants and subgrants (optional) ----------------------------------------
# A grant a member applies for or holds. Partners listed here write letters of
# intent when you add a letter_of_intent part. A subgrant passes part of a
# grant to another member: each gets a subgrant agreement between the two.
# To use this part, remove the # in front of these lines. A value left out
# prints a blank to complete, which `partnerdocs lint` lists; never guess an
# award number.
# funding:
#   grants:
#     - program: "TODO: the funding program, e.g. Enhanced Collaborative Model"
#       funder: "TODO: the agency or foundation"
#       applicant: member-one
#       partners: [member-two]
#       awarded: false
#       # federal_award: the federal award's own facts, once for every subgrant
#       # federal_award:
#       #   fain: "TODO: Federal Award Identification Number"
#       #   award_date: 2026-01-15
#       #   awarding_agency: "TODO: e.g. Office for Victims of Crime, U.S. Department of Justice"
#       #   assistance_listing_number: "TODO: e.g. 16.320"
#   subgrants:
#     - from_member: member-one
#       to_member: member-two
#       amount: "TODO: e.g. $20,000 a year for two years"
#       purpose: "TODO: what the funds pay for"
#       agreement_reference: "TODO: the subgrant agreement's name or number"
#       federal: true              # false for foundation or other non-federal money
"""

PLANS = """
# --- A member's partnership plan (optional) ------------------------------------
# An internal plan of ONE member for the partnerships it seeks, read by its
# own staff and approved by that member alone; it is not an agreement. To
# write one, remove the # in front of these lines. A part left out prints a
# blank to complete, and `partnerdocs lint` lists it. A partner is a member
# (member: <id>) or any other organization (name: ...).
# plans:
#   - organization: member-one
#     date: 2026-01-15               # the day the plan speaks from
#     background:
#       about: "TODO: your organization in a few sentences"
#       principles: ["TODO: a principle your organization works by"]
#       values: ["TODO: a value"]    # or adopts: [values] for the partnership's
#       goals: ["TODO: a goal"]
#       partnership_types: ["TODO: e.g. formal referral agreements with shelters"]
#       existing_partners:
#         - {member: member-two, type: informal, purpose: "TODO: what it is for"}
#     need:
#       benefits: ["TODO: how more partners would help"]
#       must_haves: ["TODO: what every partner must have"]
#     potential_partners:
#       - name: "TODO: an organization you want to partner with"
#         type: formal                # formal or informal
#         description: "TODO: the partnership you seek"
#         outcome: "TODO: what it should bring"
#         tactics:
#           - {action: "TODO: a first step", measure: "TODO: done by when", responsible: "TODO: who"}
#         maintenance: "TODO: how you keep the relationship up"
#     accountability:
#       roles: ["TODO: who does what"]
#       boundaries: ["TODO: your privacy and information-sharing rules"]
#       holding_accountable: ["TODO: how partners are held to what they agreed"]
#     timeline:
#       - {task: "TODO: a task", due: 2026-02-15, responsible: "TODO: who", done: false}
#     evaluation:
#       - {metric: "TODO: e.g. referrals from new partners", recorded: "TODO: how and how often"}
"""
