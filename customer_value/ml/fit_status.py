"""The status every fit reports in its parameter table."""

FIT = "fit"
NOT_FIT = "not_fit"
