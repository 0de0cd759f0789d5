"""The benchmark table's durations: whole seconds are rounded before they are split into minutes."""

from __future__ import annotations

import pytest

from customer_value.bench.results import _duration


@pytest.mark.parametrize("seconds, shown", [(3.14, "3.1 s"), (59.94, "59.9 s"), (59.96, "1 min 0 s"),
                                            (239.7, "4 min 0 s"), (385.7, "6 min 26 s")])
def test_duration_never_shows_60_seconds(seconds: float, shown: str) -> None:
    assert _duration(seconds) == shown
