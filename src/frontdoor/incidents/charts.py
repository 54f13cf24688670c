"""Vega-Lite chart specs built with Altair. Each page also shows the same numbers as a table;
the spec is embedded as JSON data and drawn by assets/recurrence-charts.js (vega-embed with the
CSP-safe expression interpreter), so without JavaScript the table is the chart."""

from __future__ import annotations

import altair as alt

ROLE_COLOURS = {"victim": "#1d70b8", "suspect": "#d4351c", "offender": "#942514"}


def timeline_spec(parties: list[dict]) -> dict:
    """A person's incidents over time: harm up the page, coloured and shaped by their role."""
    data = alt.Data(values=parties)
    chart = (
        alt.Chart(data, title="Incidents by date, role and harm")
        .mark_point(filled=True, size=80)
        .encode(
            x=alt.X("occurred_at:T", title="Date"),
            y=alt.Y("harm:Q", title="Harm weight", scale=alt.Scale(type="symlog")),
            color=alt.Color(
                "role:N",
                title="Role",
                scale=alt.Scale(domain=list(ROLE_COLOURS), range=list(ROLE_COLOURS.values())),
            ),
            shape=alt.Shape("role:N", title="Role"),
            tooltip=[
                alt.Tooltip("occurred_at:T", title="Date"),
                alt.Tooltip("description:N", title="Incident"),
                alt.Tooltip("role:N", title="Role"),
                alt.Tooltip("harm:Q", title="Harm"),
            ],
        )
        .properties(width="container", height=260)
    )
    return chart.to_dict()


def lorenz_spec(concentration: dict) -> dict:
    """Lorenz curves of harm for victims, offenders and victim–offender pairs, with the line
    of equality (everyone causing or suffering the same harm)."""
    labels = {"victims": "Victims", "offenders": "Offenders", "pairs": "Victim–offender pairs"}
    values = [
        {"group": labels[name], "people": x, "harm": y}
        for name in labels
        for x, y in concentration.get(name, {}).get("lorenz", [])
    ]
    values += [
        {"group": "Equality", "people": 0, "harm": 0},
        {"group": "Equality", "people": 1, "harm": 1},
    ]
    chart = (
        alt.Chart(alt.Data(values=values), title="Share of harm by share of people (Lorenz curve)")
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "people:Q", title="Share of people (least harm first)", axis=alt.Axis(format="%")
            ),
            y=alt.Y("harm:Q", title="Share of harm", axis=alt.Axis(format="%")),
            color=alt.Color("group:N", title=""),
            strokeDash=alt.StrokeDash("group:N", title=""),
            tooltip=[
                alt.Tooltip("group:N"),
                alt.Tooltip("people:Q", format=".0%"),
                alt.Tooltip("harm:Q", format=".1%"),
            ],
        )
        .properties(width="container", height=320)
    )
    return chart.to_dict()
