"""An iCalendar event (RFC 5545) for a visit's chosen slot, attached to the confirmation so
that the référent and the tutor add it to their calendar in one click. Written by hand: one
VEVENT, times in UTC, text escaped, lines folded at 75 octets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def _echapper(texte: str) -> str:
    return texte.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _plier(ligne: str) -> str:
    octets = ligne.encode()
    if len(octets) <= 75:
        return ligne
    morceaux: list[str] = []
    courant = b""
    for caractere in ligne:
        c = caractere.encode()
        if len(courant) + len(c) > (75 if not morceaux else 74):
            morceaux.append(courant.decode())
            courant = b""
        courant += c
    morceaux.append(courant.decode())
    return "\r\n ".join(morceaux)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def evenement(
    *,
    uid: str,
    debut: datetime,
    duree: timedelta,
    titre: str,
    lieu: str,
    description: str,
    horodatage: datetime,
    annule: bool = False,
) -> str:
    lignes = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Stages//Visites du referent//FR",
        "METHOD:CANCEL" if annule else "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_utc(horodatage)}",
        f"DTSTART:{_utc(debut)}",
        f"DTEND:{_utc(debut + duree)}",
        f"SUMMARY:{_echapper(titre)}",
        f"LOCATION:{_echapper(lieu)}",
        f"DESCRIPTION:{_echapper(description)}",
        f"STATUS:{'CANCELLED' if annule else 'CONFIRMED'}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_plier(ligne) for ligne in lignes) + "\r\n"
