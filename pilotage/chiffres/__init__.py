"""The section's figures for a school year (issue 15): placements, days, hosts, gratifications,
evaluations, delays, findings; each a table and a chart, two years side by side."""
