"""Who owns this child's safety now: asked on every case while a disagreement about it runs.

A disagreement must never leave the child waiting (escalation protocols say the child's safety
stays paramount throughout). The answer is the contact's assignee in the front door and the lead
professional of each open plan for the contact; with no plan lead, the page asks for one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps


@dataclass
class SafetyOwners:
    owners: list[tuple[str, object]] = field(default_factory=list)  # (what they hold, who)
    plan_without_owner: bool = True

    @property
    def prompt(self) -> str:
        return "No one owns this case's plan — name an owner" if self.plan_without_owner else ""


def _open_plans(contact) -> list:
    if not apps.is_installed("frontdoor.plans"):
        return []
    try:
        plan_model = apps.get_model("plans", "Plan")
    except LookupError:
        return []
    fields = {f.name for f in plan_model._meta.get_fields()}
    if not {"contact", "lead_professional"} <= fields:
        return []
    plans = plan_model.objects.filter(contact=contact).select_related("lead_professional")
    if "status" in fields:
        plans = plans.filter(status="open")
    return list(plans)


def safety_owners(contact) -> SafetyOwners:
    found = SafetyOwners()
    if contact.assigned_to_id:
        found.owners.append(("Front door case holder", contact.assigned_to))
    for plan in _open_plans(contact):
        if plan.lead_professional_id:
            found.owners.append(
                (f"Lead professional for the plan “{plan}”", plan.lead_professional)
            )
            found.plan_without_owner = False
    return found
