"""Public holidays and school holidays (zone A for Bordeaux), from maintained packages plus
a local override file for what they miss and for the school's own closures."""

from regles.calendrier.calendrier import Calendrier, SurchargesInvalides, calendrier

__all__ = ["Calendrier", "SurchargesInvalides", "calendrier"]
