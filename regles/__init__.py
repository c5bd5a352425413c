"""The law of stages as a pure Python package: no Django, no clock, dated parameters."""
