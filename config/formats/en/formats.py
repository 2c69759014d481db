# The English pages are for European readers: "23 November 2026", not Django's "Nov. 23, 2026".
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
