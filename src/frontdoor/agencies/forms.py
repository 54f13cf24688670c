from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import validate_password

from frontdoor.core.forms import GovukForm, GovukFormMixin, GovukModelForm

from .models import Agency, Area, Practitioner, Team, Timescale
from .services import PROFILE_FIELDS


class SignInForm(GovukFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been disabled. Ask your administrator.",
    }


class CodeForm(GovukForm):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code shown in the app, for example 123456",
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
                "class": "govuk-input--width-5",
            }
        ),
        error_messages={
            "required": "Enter the 6-digit code from your authenticator app",
            "min_length": "The code must be 6 digits",
            "max_length": "The code must be 6 digits",
        },
    )

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if not code.isdigit():
            raise forms.ValidationError("The code must be 6 digits")
        return code


class AgencyProfileForm(GovukModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Agency
        fields = PROFILE_FIELDS
        widgets = {f: forms.Textarea(attrs={"rows": 4}) for f in PROFILE_FIELDS[:6]}
        help_texts = {
            "powers": "For example, for the police: police protection (Children Act 1989 s.46), powers of entry.",
            "thresholds": "What you need to see before you accept a referral.",
            "working_hours": "For example, Monday to Friday 8:30am to 5pm; closed on bank holidays.",
        }


class TimescaleForm(GovukModelForm):
    class Meta:
        model = Timescale
        fields = ("activity", "amount", "unit", "notes")


TimescaleFormSet = forms.modelformset_factory(
    Timescale, form=TimescaleForm, extra=1, can_delete=True, max_num=30, validate_max=True
)


class AgencyForm(GovukModelForm):
    areas = forms.ModelMultipleChoiceField(
        queryset=Area.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Areas the agency covers",
    )

    class Meta:
        model = Agency
        fields = ("name", "short_name", "sector", "areas")


class TeamForm(GovukModelForm):
    class Meta:
        model = Team
        fields = ("name",)


class PractitionerForm(GovukModelForm):
    """What an administrator may set on an account. Nothing else is accepted (promise 4).
    ``version`` is the account version the form was shown (promise 18)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = Practitioner
        fields = (
            "first_name",
            "last_name",
            "email",
            "agency",
            "team",
            "job_title",
            "role",
            "is_active",
        )
        labels = {"is_active": "Account is active (untick to disable it at once)"}
        help_texts = {
            "is_active": "An inactive account cannot sign in. Disable an account instead of "
            "deleting it, so its history stays."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].required = True
        self.fields["agency"].queryset = Agency.objects.filter(is_active=True)
        self.fields["team"].queryset = Team.objects.select_related("agency")
        self.fields["team"].label_from_instance = lambda t: (
            f"{t.agency.short_name or t.agency.name}: {t.name}"
        )
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["email"].required = True

    def clean_email(self):
        # Notifications go to this address (core/outbox.py): two accounts sharing one would
        # send one person's work to the other.
        email = self.cleaned_data["email"]
        others = Practitioner.objects.filter(email__iexact=email)
        if self.instance.pk is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("Another account already uses this email address")
        return email

    def clean(self):
        data = super().clean()
        team, agency = data.get("team"), data.get("agency")
        if team and agency and team.agency_id != agency.pk:
            self.add_error("team", "Choose a team in the practitioner's own agency")
        return data


class NewPractitionerForm(PractitionerForm):
    username = forms.RegexField(
        regex=r"^[a-z0-9._-]{3,150}$",
        label="Username",
        help_text="Lower-case letters, numbers, dots, hyphens and underscores",
        error_messages={
            "invalid": "A username may have only lower-case letters, numbers, dots, hyphens and underscores"
        },
    )
    version = None  # a new account has no earlier version to compare with
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        label="Temporary password",
        help_text="At least 12 characters. Give it to the practitioner in person or by phone.",
    )

    class Meta(PractitionerForm.Meta):
        fields = ("username",) + PractitionerForm.Meta.fields[:-1]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if Practitioner.objects.filter(username=username).exists():
            raise forms.ValidationError("That username is taken")
        return username

    def clean_password(self):
        password = self.cleaned_data["password"]
        validate_password(password)
        return password
