"""Synthetic EcomX Retailers folder (four CSV files) in the exact published format.

A latent customer value ``z`` drives purchase rate, basket size, engagement counts and
campaign response, so annualised CLV is predictable from engagement, not only from spend.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

START = np.datetime64("2020-01-01", "D")
END = np.datetime64("2024-05-31", "D")
SPAN_DAYS = int((END - START).astype(int))  # day offset of END from START

CUSTOMER_COLUMNS = ["customer_id", "join_date", "last_purchase_date", "age", "gender", "location"]
TRANSACTION_COLUMNS = [
    "transaction_id",
    "customer_id",
    "transaction_date",
    "transaction_amount",
    "product_category",
]
ENGAGEMENT_COLUMNS = [
    "customer_id",
    "number_of_site_visits",
    "number_of_emails_opened",
    "number_of_clicks",
]
MARKETING_COLUMNS = ["campaign_id", "customer_id", "response", "promotion_type", "campaign_date"]

CATEGORIES = np.array(["Electronics", "Clothing", "Home Goods"])
PROMOTIONS = np.array(["Discount", "Buy One Get One", "Free Shipping"])
GENDERS = np.array(["Male", "Female"])

MAX_TRANSACTIONS = 25
MIN_CENTS, MAX_CENTS = 1_000, 200_000

_PREFIXES = ["North", "East", "West", "South", "New", "Lake", "Port"]
_SUFFIXES = [
    "town", "ton", "land", "ville", "berg", "burgh", "borough", "bury", "view",
    "port", "mouth", "stad", "furt", "chester", "fort", "haven", "side", "shire",
]
_FIRST_NAMES = [
    "Aaron", "Adam", "Alan", "Alexis", "Alicia", "Amanda", "Amy", "Andrew", "Angela", "Anna",
    "Anthony", "Ashley", "Barbara", "Benjamin", "Brandon", "Brenda", "Brian", "Bryan", "Carl",
    "Carol", "Catherine", "Charles", "Cheryl", "Christina", "Christopher", "Cindy", "Cody",
    "Craig", "Crystal", "Cynthia", "Daniel", "Danielle", "David", "Deborah", "Dennis", "Derek",
    "Diana", "Donald", "Donna", "Douglas", "Dylan", "Edward", "Elizabeth", "Emily", "Eric",
    "Erica", "Frank", "Gary", "George", "Gregory", "Hannah", "Heather", "Henry", "Holly",
    "Jacob", "James", "Jamie", "Janet", "Jason", "Jeffrey", "Jennifer", "Jeremy", "Jessica",
    "John", "Jonathan", "Joseph", "Joshua", "Julie", "Justin", "Karen", "Katherine", "Keith",
    "Kelly", "Kenneth", "Kevin", "Kimberly", "Kristen", "Laura", "Lauren", "Linda", "Lisa",
    "Mark", "Mary", "Matthew", "Megan", "Melissa", "Michael", "Michelle", "Nancy", "Nathan",
    "Nicole", "Patrick", "Paul", "Rachel", "Rebecca", "Richard", "Robert", "Ronald", "Ryan",
    "Samantha", "Sandra", "Sarah", "Scott", "Sean", "Shannon", "Stephanie", "Steven", "Susan",
    "Tammy", "Thomas", "Timothy", "Tina", "Todd", "Tracy", "Travis", "Tyler", "Victoria",
    "Wanda", "William", "Zachary",
]
_LAST_NAMES = [
    "Adams", "Allen", "Anderson", "Bailey", "Baker", "Barnes", "Bell", "Bennett", "Brooks",
    "Brown", "Butler", "Campbell", "Carter", "Clark", "Collins", "Cook", "Cooper", "Cox",
    "Cruz", "Davis", "Diaz", "Edwards", "Evans", "Fisher", "Flores", "Ford", "Foster",
    "Garcia", "Gomez", "Gonzalez", "Gray", "Green", "Hall", "Harris", "Hayes", "Hill",
    "Howard", "Hughes", "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kelly", "King",
    "Lee", "Lewis", "Long", "Lopez", "Martin", "Martinez", "Miller", "Mitchell", "Moore",
    "Morgan", "Morris", "Murphy", "Myers", "Nelson", "Nguyen", "Parker", "Perez", "Perry",
    "Peterson", "Phillips", "Powell", "Price", "Ramirez", "Reed", "Reyes", "Richardson",
    "Rivera", "Roberts", "Robinson", "Rogers", "Ross", "Russell", "Sanchez", "Sanders",
    "Scott", "Smith", "Stewart", "Sullivan", "Taylor", "Thomas", "Thompson", "Torres",
    "Turner", "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wood", "Wright",
    "Young",
]


@dataclass(frozen=True)
class _Latent:
    """Per-customer hidden drivers and join timing (day offsets from START)."""

    value: np.ndarray  # standard normal latent customer value
    join: np.ndarray  # join day offset, 0..SPAN_DAYS
    tenure: np.ndarray  # days from join to END

    @property
    def size(self) -> int:
        return len(self.value)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    """Logistic function."""
    return 1.0 / (1.0 + np.exp(-x))


_DATE_TEXT = (START + np.arange(SPAN_DAYS + 1).astype("timedelta64[D]")).astype(str)
_TWO_DIGITS = np.array([f"{i:02d}" for i in range(100)])


def _dates(offsets: np.ndarray) -> np.ndarray:
    """Day offsets from START as ``YYYY-MM-DD`` strings (table lookup)."""
    return _DATE_TEXT[offsets]


def _cents_text(cents: np.ndarray) -> np.ndarray:
    """Integer cents as text with exactly two decimals (exact, no float rounding)."""
    whole = (cents // 100).astype(str)
    return np.strings.add(np.strings.add(whole, "."), _TWO_DIGITS[cents % 100])


def _latent(rng: np.random.Generator, n: int) -> _Latent:
    """Draw latent value and join dates; a handful join on the last day of the data."""
    value = rng.standard_normal(n)
    join = rng.integers(0, SPAN_DAYS, n)  # 2020-01-01 .. 2024-05-30
    last_day = rng.choice(n, size=min(n, max(1, n // 1000)), replace=False)
    join[last_day] = SPAN_DAYS
    return _Latent(value=value, join=join, tenure=SPAN_DAYS - join)


def _town_names(rng: np.random.Generator, n: int) -> np.ndarray:
    """Faker-like town names ("Lake Michael", "Port Jessica", "North Sarahview")."""
    prefix = np.array(_PREFIXES)[rng.integers(0, len(_PREFIXES), n)]
    suffix = np.array(_SUFFIXES)[rng.integers(0, len(_SUFFIXES), n)]
    first = np.array(_FIRST_NAMES)[rng.integers(0, len(_FIRST_NAMES), n)]
    last = np.array(_LAST_NAMES)[rng.integers(0, len(_LAST_NAMES), n)]
    pattern = rng.choice(4, size=n, p=[0.55, 0.1, 0.15, 0.2])
    s = pd.Series
    options = [
        s(prefix) + " " + s(first) + s(suffix),
        s(prefix) + " " + s(first),
        s(first) + s(suffix),
        s(last) + s(suffix),
    ]
    return np.select([pattern == k for k in range(4)], [o.to_numpy() for o in options])


def _transaction_counts(rng: np.random.Generator, lat: _Latent) -> np.ndarray:
    """1..25 purchases: rate per year driven by value, saturating with tenure."""
    rate = np.exp(np.log(9.0) + 0.85 * lat.value + 0.45 * rng.standard_normal(lat.size))
    expected = rate * lat.tenure / 365.0
    cap = MAX_TRANSACTIONS - 1
    p = 1.0 - np.exp(-expected / cap)
    return 1 + rng.binomial(cap, p)


def _amount_cents(rng: np.random.Generator, lat: _Latent, owner: np.ndarray) -> np.ndarray:
    """Amounts in cents (10.00..2000.00); a value-driven basket level sets each customer's mean."""
    basket = _sigmoid(0.8 * lat.value + 0.4 * rng.standard_normal(lat.size) - 0.8)
    conc = 2.5
    share = rng.beta(conc * basket[owner], conc * (1.0 - basket[owner]))
    return MIN_CENTS + np.round(share * (MAX_CENTS - MIN_CENTS)).astype(np.int64)


def _transactions(rng: np.random.Generator, lat: _Latent) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per purchase; returns the frame and each customer's last purchase offset."""
    counts = _transaction_counts(rng, lat)
    owner = np.repeat(np.arange(lat.size), counts)
    day = lat.join[owner] + np.floor(rng.random(len(owner)) * (lat.tenure[owner] + 1)).astype(int)
    order = np.lexsort((day, owner))
    owner, day = owner[order], day[order]
    ends = np.cumsum(counts) - 1
    if lat.size and day.max() < SPAN_DAYS:
        day[ends[np.argmax(counts)]] = SPAN_DAYS  # data ends exactly on END
    cents = _amount_cents(rng, lat, owner)
    category = CATEGORIES[rng.choice(3, size=len(owner), p=[0.34, 0.36, 0.30])]
    frame = pd.DataFrame(
        {
            "transaction_id": np.arange(1, len(owner) + 1),
            "customer_id": owner + 1,
            "transaction_date": _dates(day),
            "transaction_amount": _cents_text(cents),
            "product_category": category,
        }
    )
    return frame, day[ends]


def _last_purchase(rng: np.random.Generator, lat: _Latent, true_last: np.ndarray) -> np.ndarray:
    """A noisy "last purchase" date unrelated to the transactions (as published)."""
    day = lat.join + np.floor(rng.random(lat.size) * (lat.tenure + 1)).astype(int)
    clash = (day == true_last) & (lat.tenure > 0)
    day[clash] = np.where(day[clash] > lat.join[clash], day[clash] - 1, day[clash] + 1)
    return day


def _customers(rng: np.random.Generator, lat: _Latent, true_last: np.ndarray) -> pd.DataFrame:
    """One row per customer with demographics and a free-text location."""
    n = lat.size
    last = _last_purchase(rng, lat, true_last)
    age = rng.integers(18, 70, n).astype(float)
    age[rng.random(n) < 0.10] = np.nan
    gender = GENDERS[rng.integers(0, 2, n)].astype(object)
    gender[rng.random(n) < 0.05] = None
    return pd.DataFrame(
        {
            "customer_id": np.arange(1, n + 1),
            "join_date": _dates(lat.join),
            "last_purchase_date": _dates(last),
            "age": age,
            "gender": gender,
            "location": _town_names(rng, n),
        }
    )


def _engagement_count(rng: np.random.Generator, drive: np.ndarray, top: int) -> np.ndarray:
    """Positive, right-skewed count in 1..top increasing with ``drive``."""
    u = _sigmoid(1.7 * (0.85 * drive + 0.53 * rng.standard_normal(len(drive))))
    return 1 + np.floor(u**1.6 * top).astype(np.int64).clip(0, top - 1)


def _engagements(rng: np.random.Generator, lat: _Latent) -> pd.DataFrame:
    """Site visits, emails opened and clicks, all driven by a value-linked propensity."""
    drive = 0.8 * lat.value + 0.6 * rng.standard_normal(lat.size)
    return pd.DataFrame(
        {
            "customer_id": np.arange(1, lat.size + 1),
            "number_of_site_visits": _engagement_count(rng, drive, 700),
            "number_of_emails_opened": _engagement_count(rng, drive, 300),
            "number_of_clicks": _engagement_count(rng, drive, 140),
        }
    )


def _marketing(rng: np.random.Generator, lat: _Latent) -> pd.DataFrame:
    """1-4 campaigns per customer after joining; response more likely for valuable ones."""
    counts = rng.integers(1, 5, lat.size)
    owner = np.repeat(np.arange(lat.size), counts)
    day = lat.join[owner] + np.floor(rng.random(len(owner)) * (lat.tenure[owner] + 1)).astype(int)
    order = np.lexsort((day, owner))
    owner, day = owner[order], day[order]
    promo = rng.integers(0, 3, len(owner))
    logit = -0.3 + 0.9 * lat.value[owner] + np.array([0.2, 0.0, -0.2])[promo]
    response = np.where(rng.random(len(owner)) < _sigmoid(logit), "Yes", "No")
    return pd.DataFrame(
        {
            "campaign_id": np.arange(1, len(owner) + 1),
            "customer_id": owner + 1,
            "response": response,
            "promotion_type": PROMOTIONS[promo],
            "campaign_date": _dates(day),
        }
    )


def _write(frame: pd.DataFrame, path: Path) -> None:
    """CSV with header, no index, "\\n" line endings, minimal quoting."""
    frame.to_csv(path, index=False, lineterminator="\n")


def write_ecomx(out: Path, customers: int, seed: int) -> None:
    """Write the four EcomX CSV files for ``customers`` customers into ``out``."""
    if customers < 1:
        raise ValueError("customers must be >= 1")
    rng = np.random.default_rng(seed)
    lat = _latent(rng, customers)
    transactions, true_last = _transactions(rng, lat)
    frames = {
        "customers_final.csv": _customers(rng, lat, true_last)[CUSTOMER_COLUMNS],
        "transactions_final.csv": transactions[TRANSACTION_COLUMNS],
        "engagements_final.csv": _engagements(rng, lat)[ENGAGEMENT_COLUMNS],
        "marketing_final.csv": _marketing(rng, lat)[MARKETING_COLUMNS],
    }
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        _write(frame, out / name)
