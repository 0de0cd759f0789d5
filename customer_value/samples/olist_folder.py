"""Synthetic Olist folder in the exact Kaggle "Brazilian E-Commerce Public Dataset by Olist" format.

Writes ``olist_orders_dataset.csv``, ``olist_order_payments_dataset.csv``,
``olist_customers_dataset.csv`` and ``olist_order_items_dataset.csv``. Generation is chunked
(``CHUNK_ORDERS`` orders at a time, each chunk seeded by ``SeedSequence([seed, 1, chunk])``), so
memory stays flat and the output for a given ``(orders, seed)`` is byte-identical across runs.
A person (``customer_unique_id``) never spans two chunks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import numpy as np

CHUNK_ORDERS = 100_000

ORDERS_FILE = "olist_orders_dataset.csv"
PAYMENTS_FILE = "olist_order_payments_dataset.csv"
CUSTOMERS_FILE = "olist_customers_dataset.csv"
ITEMS_FILE = "olist_order_items_dataset.csv"

HEADERS: dict[str, tuple[str, ...]] = {
    ORDERS_FILE: (
        "order_id",
        "customer_id",
        "order_status",
        "order_purchase_timestamp",
        "order_approved_at",
        "order_delivered_carrier_date",
        "order_delivered_customer_date",
        "order_estimated_delivery_date",
    ),
    PAYMENTS_FILE: (
        "order_id",
        "payment_sequential",
        "payment_type",
        "payment_installments",
        "payment_value",
    ),
    CUSTOMERS_FILE: (
        "customer_id",
        "customer_unique_id",
        "customer_zip_code_prefix",
        "customer_city",
        "customer_state",
    ),
    ITEMS_FILE: (
        "order_id",
        "order_item_id",
        "product_id",
        "seller_id",
        "shipping_limit_date",
        "price",
        "freight_value",
    ),
}

# Status mix of the full Kaggle download (99,441 orders).
STATUSES = np.array(
    [
        "delivered", "shipped", "canceled", "unavailable",
        "invoiced", "processing", "created", "approved",
    ]  # fmt: skip
)
_STATUS_P = np.array([96478, 1107, 625, 609, 314, 301, 5, 2], dtype=float)
(DELIVERED, SHIPPED, CANCELED, UNAVAILABLE, INVOICED, PROCESSING, CREATED, APPROVED) = range(8)

# Orders per person: ~3.1% of people buy 2-6 times.
_ORDERS_PER_PERSON_P = np.array([0.969, 0.027, 0.0025, 0.0008, 0.0004, 0.0003])

# Purchases per month (Kaggle shape); window 2016-09-04 .. 2018-08-29.
_MONTH_WEIGHTS: dict[str, int] = {
    "2016-09": 4, "2016-10": 324, "2016-12": 1,
    "2017-01": 800, "2017-02": 1780, "2017-03": 2682, "2017-04": 2404, "2017-05": 3700,
    "2017-06": 3245, "2017-07": 4026, "2017-08": 4331, "2017-09": 4285, "2017-10": 4631,
    "2017-11": 7544, "2017-12": 5673, "2018-01": 7269, "2018-02": 6728, "2018-03": 7211,
    "2018-04": 6939, "2018-05": 6873, "2018-06": 6167, "2018-07": 6292, "2018-08": 6512,
}  # fmt: skip
_FIRST_DAY = np.datetime64("2016-09-04")
_END_DAY = np.datetime64("2018-08-30")  # exclusive
_HOUR_WEIGHTS = np.array(
    [2394, 1170, 510, 272, 206, 188, 502, 1231, 2967, 4785, 6177, 6578,
     5995, 6518, 6569, 6454, 6675, 6150, 5769, 5982, 6193, 6217, 5816, 4123],
    dtype=float,
)  # fmt: skip

PAYMENT_TYPES = np.array(["credit_card", "boleto", "voucher", "debit_card", "not_defined"])
CARD, BOLETO, VOUCHER, DEBIT, NOT_DEFINED = range(5)
_PRIMARY_P = np.array([0.754, 0.196, 0.034, 0.016])
_INSTALLMENTS_2_10_P = np.array([12.0, 10.0, 7.0, 5.0, 4.0, 1.6, 4.0, 0.6, 5.5])
_ROUND_VOUCHERS = np.array([1000, 2000, 2500, 3000, 5000, 10000])
_ITEMS_PER_ORDER_P = np.array([0.9, 0.074, 0.014, 0.006, 0.003, 0.0015, 0.001, 0.0005])

# Customers per state in the Kaggle download.
_STATE_COUNTS: dict[str, int] = {
    "SP": 41746, "RJ": 12852, "MG": 11635, "RS": 5466, "PR": 5045, "SC": 3637, "BA": 3380,
    "DF": 2140, "ES": 2033, "GO": 2020, "PE": 1652, "CE": 1336, "PA": 975, "MT": 907,
    "MA": 747, "MS": 715, "PB": 536, "PI": 495, "RN": 485, "AL": 413, "SE": 350, "TO": 280,
    "RO": 253, "AM": 148, "AC": 81, "AP": 68, "RR": 46,
}  # fmt: skip

# state|city|zip prefix range|relative weight within the state
_CITIES = """
SP|sao paulo|01000-05999|15540
SP|campinas|13010-13139|1444
SP|guarulhos|07000-07399|1189
SP|sao bernardo do campo|09600-09899|938
SP|santo andre|09000-09299|797
SP|osasco|06000-06299|746
SP|santos|11010-11099|713
SP|sao jose dos campos|12200-12249|691
SP|sorocaba|18000-18109|633
SP|jundiai|13200-13219|565
SP|ribeirao preto|14000-14114|499
SP|barueri|06400-06499|424
SP|maua|09300-09399|353
SP|carapicuiba|06300-06399|343
SP|mogi das cruzes|08700-08779|333
SP|sao jose do rio preto|15000-15099|320
SP|taboao da serra|06750-06799|298
SP|diadema|09900-09999|292
SP|piracicaba|13400-13429|290
SP|cotia|06700-06729|282
SP|praia grande|11700-11729|277
SP|sao caetano do sul|09500-09599|251
SP|bauru|17000-17099|250
SP|indaiatuba|13330-13349|240
SP|sao vicente|11300-11399|232
SP|valinhos|13270-13279|205
SP|taubate|12000-12119|200
SP|sao carlos|13560-13579|194
SP|limeira|13480-13489|190
SP|americana|13465-13479|180
SP|guaruja|11400-11499|170
SP|franca|14400-14414|165
SP|araraquara|14800-14811|160
SP|presidente prudente|19000-19099|150
SP|marilia|17500-17529|140
SP|sumare|13170-13182|135
SP|hortolandia|13183-13189|130
SP|itu|13300-13314|125
SP|atibaia|12940-12954|120
SP|suzano|08600-08699|118
SP|braganca paulista|12900-12929|110
SP|mogi guacu|13840-13849|95
SP|itapetininga|18200-18214|90
SP|botucatu|18600-18619|88
SP|rio claro|13500-13509|85
SP|jacarei|12300-12339|85
SP|aracatuba|16000-16079|80
SP|ourinhos|19900-19919|60
SP|assis|19800-19819|55
SP|lins|16400-16409|45
RJ|rio de janeiro|20000-23799|6882
RJ|niteroi|24000-24399|849
RJ|nova iguacu|26000-26099|435
RJ|sao goncalo|24400-24799|412
RJ|duque de caxias|25000-25299|313
RJ|petropolis|25600-25779|240
RJ|campos dos goytacazes|28000-28099|220
RJ|volta redonda|27200-27299|200
RJ|macae|27900-27999|190
RJ|belford roxo|26100-26199|170
RJ|nova friburgo|28600-28639|160
RJ|teresopolis|25950-25999|150
RJ|resende|27500-27549|130
RJ|cabo frio|28900-28929|120
RJ|marica|24900-24999|110
RJ|angra dos reis|23900-23949|90
RJ|itaborai|24800-24859|80
MG|belo horizonte|30000-31999|2773
MG|contagem|32000-32399|429
MG|juiz de fora|36000-36099|410
MG|uberlandia|38400-38419|390
MG|betim|32600-32689|230
MG|uberaba|38000-38099|200
MG|montes claros|39400-39409|190
MG|governador valadares|35000-35099|170
MG|divinopolis|35500-35509|160
MG|ipatinga|35160-35164|150
MG|pocos de caldas|37700-37719|150
MG|varginha|37000-37139|130
MG|pouso alegre|37550-37559|130
MG|sete lagoas|35700-35709|120
MG|lavras|37200-37209|110
MG|itajuba|37500-37509|100
MG|barbacena|36200-36209|90
MG|teofilo otoni|39800-39809|80
MG|vicosa|36570-36579|80
MG|conselheiro lafaiete|36400-36409|70
MG|patos de minas|38700-38709|70
RS|porto alegre|90000-91999|1379
RS|caxias do sul|95000-95129|242
RS|canoas|92000-92479|190
RS|pelotas|96000-96099|180
RS|santa maria|97000-97119|170
RS|novo hamburgo|93300-93599|160
RS|passo fundo|99000-99099|140
RS|gravatai|94000-94199|120
RS|sao leopoldo|93000-93179|110
RS|rio grande|96200-96219|90
RS|bento goncalves|95700-95709|80
RS|santa cruz do sul|96800-96839|80
PR|curitiba|80000-82999|1521
PR|londrina|86000-86099|344
PR|maringa|87000-87099|300
PR|ponta grossa|84000-84099|170
PR|cascavel|85800-85829|160
PR|sao jose dos pinhais|83000-83199|150
PR|foz do iguacu|85850-85869|130
PR|colombo|83400-83414|90
PR|guarapuava|85000-85099|90
PR|paranagua|83200-83299|80
PR|toledo|85900-85919|70
SC|florianopolis|88000-88099|570
SC|joinville|89200-89239|290
SC|blumenau|89000-89099|280
SC|sao jose|88100-88124|230
SC|itajai|88300-88319|170
SC|balneario camboriu|88330-88339|160
SC|criciuma|88800-88819|150
SC|chapeco|89800-89816|120
SC|palhoca|88130-88139|110
SC|jaragua do sul|89250-89269|100
SC|lages|88500-88529|80
BA|salvador|40000-42499|1245
BA|feira de santana|44000-44099|180
BA|vitoria da conquista|45000-45099|140
BA|lauro de freitas|42700-42709|130
BA|camacari|42800-42849|100
BA|itabuna|45600-45609|90
BA|ilheus|45650-45659|80
BA|juazeiro|48900-48909|70
BA|barreiras|47800-47819|60
DF|brasilia|70000-72799|2131
DF|gama|72400-72499|60
ES|vila velha|29100-29129|429
ES|vitoria|29000-29099|404
ES|serra|29160-29179|361
ES|cariacica|29140-29159|200
ES|cachoeiro de itapemirim|29300-29309|120
ES|linhares|29900-29909|80
ES|guarapari|29200-29229|80
GO|goiania|74000-74899|692
GO|aparecida de goiania|74900-74999|200
GO|anapolis|75000-75149|150
GO|rio verde|75900-75909|80
GO|luziania|72800-72899|70
GO|catalao|75700-75709|60
PE|recife|50000-52999|621
PE|jaboatao dos guararapes|54000-54599|150
PE|olinda|53000-53399|120
PE|caruaru|55000-55099|90
PE|petrolina|56300-56399|90
PE|paulista|53400-53499|70
CE|fortaleza|60000-61599|654
CE|caucaia|61600-61699|60
CE|juazeiro do norte|63000-63099|60
CE|sobral|62000-62099|50
PA|belem|66000-66999|445
PA|ananindeua|67000-67199|120
PA|santarem|68000-68109|60
PA|maraba|68500-68509|50
MT|cuiaba|78000-78099|317
MT|varzea grande|78100-78159|120
MT|rondonopolis|78700-78749|80
MT|sinop|78550-78559|60
MA|sao luis|65000-65099|350
MA|imperatriz|65900-65919|90
MA|caxias|65600-65609|40
MS|campo grande|79000-79129|400
MS|dourados|79800-79849|100
MS|tres lagoas|79600-79649|50
PB|joao pessoa|58000-58099|300
PB|campina grande|58400-58449|110
PI|teresina|64000-64099|300
PI|parnaiba|64200-64219|50
RN|natal|59000-59099|300
RN|mossoro|59600-59649|70
RN|parnamirim|59140-59159|60
AL|maceio|57000-57099|300
AL|arapiraca|57300-57319|50
SE|aracaju|49000-49099|260
SE|nossa senhora do socorro|49160-49169|40
TO|palmas|77000-77299|150
TO|araguaina|77800-77829|60
RO|porto velho|76800-76849|130
RO|ji-parana|76900-76915|50
AM|manaus|69000-69099|140
AC|rio branco|69900-69924|70
AP|macapa|68900-68929|60
RR|boa vista|69300-69339|45
"""


@dataclass(frozen=True)
class _Geo:
    """Flattened city table with global sampling probabilities."""

    city: np.ndarray
    state: np.ndarray
    zip_lo: np.ndarray
    zip_hi: np.ndarray
    p: np.ndarray


@dataclass(frozen=True)
class _Pools:
    """Products (price, seller) shared by all chunks of one run."""

    product_id: np.ndarray
    price_cents: np.ndarray
    seller_id: np.ndarray  # seller of each product


@dataclass(frozen=True)
class _Chunk:
    """Rendered CSV text (no header) of one chunk, per file."""

    orders: str
    payments: str
    customers: str
    items: str


def write_olist(out: Path, orders: int, seed: int) -> None:
    """Write the four Olist CSV files with exactly ``orders`` orders into ``out``."""
    _write_olist(Path(out), orders, seed, CHUNK_ORDERS)


def _write_olist(out: Path, orders: int, seed: int, chunk_orders: int) -> None:
    """Chunked writer; ``chunk_orders`` is part of the output's identity."""
    if orders < 0 or seed < 0 or chunk_orders < 1:
        raise ValueError("orders and seed must be >= 0, chunk_orders >= 1")
    out.mkdir(parents=True, exist_ok=True)
    geo = _geo_table()
    pools = _make_pools(orders, seed)
    handles = {name: open(out / name, "w", encoding="utf-8", newline="") for name in HEADERS}
    try:
        for name, header in HEADERS.items():
            handles[name].write(",".join(header) + "\n")
        for index, start in enumerate(range(0, orders, chunk_orders)):
            n = min(chunk_orders, orders - start)
            rng = np.random.default_rng(np.random.SeedSequence([seed, 1, index]))
            _append(handles, _make_chunk(rng, n, pools, geo))
    finally:
        for handle in handles.values():
            handle.close()


def _append(handles: dict[str, TextIO], chunk: _Chunk) -> None:
    """Append one chunk's text to the open files."""
    handles[ORDERS_FILE].write(chunk.orders)
    handles[PAYMENTS_FILE].write(chunk.payments)
    handles[CUSTOMERS_FILE].write(chunk.customers)
    handles[ITEMS_FILE].write(chunk.items)


# ---------------------------------------------------------------------------- formatting


def _hex_ids(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` random 32-char lowercase hex ids."""
    text = rng.bytes(16 * n).hex().encode("ascii")
    return np.frombuffer(text, dtype="S32").astype("U32")


def _fmt_ts(secs: np.ndarray, present: np.ndarray | None = None) -> list[str]:
    """Epoch seconds -> ``YYYY-MM-DD HH:MM:SS``; empty where not ``present``."""
    raw = np.datetime_as_string(secs.astype("datetime64[s]"), unit="s").astype("S19")
    as_bytes = raw.view(np.uint8).reshape(-1, 19)
    as_bytes[:, 10] = ord(" ")
    text = as_bytes.view("S19").ravel().astype("U19")
    if present is not None:
        text[~present] = ""
    return text.tolist()


def _fmt_money(cents: np.ndarray) -> list[str]:
    """Integer cents -> ``123.40`` (always two decimals, as in the Kaggle files)."""
    return [f"{value / 100:.2f}" for value in cents.tolist()]


def _fmt_int(values: np.ndarray) -> list[str]:
    """Integers -> decimal text."""
    return [str(value) for value in values.tolist()]


def _csv(columns: list[list[str]]) -> str:
    """Join equal-length text columns into CSV lines (no quoting needed: no commas)."""
    if not columns[0]:
        return ""
    return "\n".join(map(",".join, zip(*columns))) + "\n"


# ---------------------------------------------------------------------------- shared tables


def _geo_table() -> _Geo:
    """Parse the city table; city probability = state share x within-state weight."""
    rows = [line.split("|") for line in _CITIES.strip().splitlines()]
    state = np.array([row[0] for row in rows])
    weight = np.array([float(row[3]) for row in rows])
    state_total = {s: weight[state == s].sum() for s in _STATE_COUNTS}
    p = np.array([_STATE_COUNTS[s] * w / state_total[s] for s, w in zip(state, weight)])
    return _Geo(
        city=np.array([row[1] for row in rows]),
        state=state,
        zip_lo=np.array([int(row[2].split("-")[0]) for row in rows]),
        zip_hi=np.array([int(row[2].split("-")[1]) for row in rows]),
        p=p / p.sum(),
    )


def _make_pools(orders: int, seed: int) -> _Pools:
    """Product and seller pools sized to the run (about 1 product per 3 orders)."""
    rng = np.random.default_rng(np.random.SeedSequence([seed, 0]))
    n_products = int(np.clip(orders // 3, 50, 200_000))
    n_sellers = int(np.clip(orders // 32, 10, 20_000))
    sellers = _hex_ids(rng, n_sellers)
    seller_of = (n_sellers * rng.random(n_products) ** 1.5).astype(np.int64)
    return _Pools(
        product_id=_hex_ids(rng, n_products),
        price_cents=_product_prices(rng, n_products),
        seller_id=sellers[seller_of],
    )


def _product_prices(rng: np.random.Generator, n: int) -> np.ndarray:
    """Lognormal list prices (median ~R$75) with shop-style endings (.00, .90, .99)."""
    reais = np.clip(np.rint(rng.lognormal(np.log(75.0), 0.95, n)), 1, 6999).astype(np.int64)
    ending = rng.choice(np.array([0, 10, 1, -1]), size=n, p=[0.4, 0.35, 0.15, 0.1])
    ending = np.where(ending < 0, rng.integers(0, 100, n), ending)
    return np.maximum(reais * 100 - ending, 85)


# ---------------------------------------------------------------------------- one chunk


def _make_chunk(rng: np.random.Generator, n: int, pools: _Pools, geo: _Geo) -> _Chunk:
    """Generate ``n`` orders (with customers, items, payments) as CSV text."""
    person, n_people = _person_of_order(rng, n)
    status = rng.choice(len(STATUSES), size=n, p=_STATUS_P / _STATUS_P.sum())
    no_pay, zero_pay = _forced_rows(rng, n, status)
    purchase = _purchase_seconds(rng, n)
    has_items = _has_items(rng, status)
    items, value = _items(rng, pools, has_items, purchase)
    value = np.where(has_items, value, _loose_value(rng, n))
    order_ids = _hex_ids(rng, n)
    payments_text, slow = _payments(rng, order_ids, status, has_items, value, no_pay, zero_pay)
    customer_ids = _hex_ids(rng, n)
    perm = rng.permutation(n)
    orders_text = _orders(rng, order_ids, customer_ids, status, purchase, slow, perm)
    customers_text = _customers(rng, customer_ids, person, n_people, geo, perm)
    items_text = _order_items_text(items, order_ids, perm)
    return _Chunk(orders_text, payments_text, customers_text, items_text)


def _person_of_order(rng: np.random.Generator, n: int) -> tuple[np.ndarray, int]:
    """Person index of each order; most people order once, ~3% order 2-6 times."""
    counts = rng.choice(len(_ORDERS_PER_PERSON_P), size=n, p=_ORDERS_PER_PERSON_P) + 1
    ends = np.cumsum(counts)
    people = int(np.searchsorted(ends, n)) + 1
    counts = counts[:people]
    counts[-1] -= ends[people - 1] - n
    return np.repeat(np.arange(people), counts), people


def _forced_rows(
    rng: np.random.Generator, n: int, status: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Masks: no-payment order, zero-voucher orders; chunks >= 100 get one of each.

    The no-payment order is set to delivered in ``status`` (in place).
    """
    no_pay = np.zeros(n, dtype=bool)
    zero_pay = rng.random(n) < 0.0004
    if n >= 100:
        target = int(rng.integers(n))
        status[target] = DELIVERED
        no_pay[target] = True
        zero_pay[(target + 1 + int(rng.integers(n - 1))) % n] = True
    zero_pay &= ~no_pay
    return no_pay, zero_pay


def _purchase_seconds(rng: np.random.Generator, n: int) -> np.ndarray:
    """Purchase times (epoch seconds) following the Kaggle month and hour-of-day shape."""
    months = np.array([np.datetime64(key, "M") for key in _MONTH_WEIGHTS])
    start = np.maximum(months.astype("datetime64[D]"), _FIRST_DAY)
    end = np.minimum((months + 1).astype("datetime64[D]"), _END_DAY)
    weight = np.array(list(_MONTH_WEIGHTS.values()), dtype=float)
    month = rng.choice(len(months), size=n, p=weight / weight.sum())
    days = (end - start).astype(np.int64)
    day = start[month].astype(np.int64) + (rng.random(n) * days[month]).astype(np.int64)
    hour = rng.choice(24, size=n, p=_HOUR_WEIGHTS / _HOUR_WEIGHTS.sum())
    return day * 86_400 + hour * 3_600 + rng.integers(0, 3_600, n)


def _has_items(rng: np.random.Generator, status: np.ndarray) -> np.ndarray:
    """Unavailable/created orders have no item rows; a quarter of canceled ones neither."""
    canceled_empty = (status == CANCELED) & (rng.random(status.size) < 0.25)
    return ~(np.isin(status, [UNAVAILABLE, CREATED]) | canceled_empty)


def _loose_value(rng: np.random.Generator, n: int) -> np.ndarray:
    """Order value in cents for orders without item rows."""
    return np.clip(np.rint(rng.lognormal(np.log(10_000), 0.8, n)), 500, 2_000_000).astype(np.int64)


# ---------------------------------------------------------------------------- items


@dataclass(frozen=True)
class _ItemRows:
    """Item columns (order index into the chunk, before permutation)."""

    order: np.ndarray
    columns: list[list[str]]  # order_item_id .. freight_value


def _items(
    rng: np.random.Generator, pools: _Pools, has_items: np.ndarray, purchase: np.ndarray
) -> tuple[_ItemRows, np.ndarray]:
    """Item rows and each order's value in cents (sum of price + freight)."""
    owners = np.flatnonzero(has_items)
    per_order = rng.choice(8, size=owners.size, p=_ITEMS_PER_ORDER_P) + 1
    order = np.repeat(owners, per_order)
    starts = np.repeat(np.cumsum(per_order) - per_order, per_order)
    item_no = np.arange(order.size) - starts + 1
    product = _pick_products(rng, pools, order.size, per_order)
    price = pools.price_cents[product]
    freight = _freight(rng, price)
    limit = purchase[owners] + _lognormal_seconds(rng, owners.size, 4.3, 0.3, 0, 40 * 86_400)
    limit += 36 * 3_600
    value = np.bincount(order, weights=(price + freight).astype(float), minlength=has_items.size)
    columns = [
        _fmt_int(item_no),
        pools.product_id[product].tolist(),
        pools.seller_id[product].tolist(),
        _fmt_ts(np.repeat(limit.astype(np.int64), per_order)),
        _fmt_money(price),
        _fmt_money(freight),
    ]
    return _ItemRows(order, columns), np.rint(value).astype(np.int64)


def _pick_products(
    rng: np.random.Generator, pools: _Pools, rows: int, per_order: np.ndarray
) -> np.ndarray:
    """Popularity-skewed products; 60% of multi-item orders repeat their first product."""
    size = pools.product_id.size
    own = np.minimum((size * rng.random(rows) ** 1.6).astype(np.int64), size - 1)
    first = np.repeat(own[np.cumsum(per_order) - per_order], per_order)
    same = np.repeat(rng.random(per_order.size) < 0.6, per_order)
    return np.where(same, first, own)


def _freight(rng: np.random.Generator, price: np.ndarray) -> np.ndarray:
    """Freight in cents: median ~R$16, rising with price, ~1.5% free."""
    base = rng.lognormal(np.log(1_400), 0.5, price.size) + 0.03 * np.minimum(price, 200_000)
    cents = np.clip(np.rint(base), 150, 40_000).astype(np.int64)
    return np.where(rng.random(price.size) < 0.015, 0, cents)


def _order_items_text(items: _ItemRows, order_ids: np.ndarray, perm: np.ndarray) -> str:
    """Items CSV text, grouped by order in the chunk's output order."""
    rank = np.empty(perm.size, dtype=np.int64)
    rank[perm] = np.arange(perm.size)
    sort = np.argsort(rank[items.order], kind="stable")
    columns = [order_ids[items.order][sort].tolist()]
    columns += [[column[i] for i in sort.tolist()] for column in items.columns]
    return _csv(columns)


# ---------------------------------------------------------------------------- payments


def _payments(
    rng: np.random.Generator,
    order_ids: np.ndarray,
    status: np.ndarray,
    has_items: np.ndarray,
    value: np.ndarray,
    no_pay: np.ndarray,
    zero_pay: np.ndarray,
) -> tuple[str, np.ndarray]:
    """Payments CSV text and a per-order 'paid by boleto' mask (slow approval)."""
    n = order_ids.size
    primary = rng.choice(4, size=n, p=_PRIMARY_P)
    not_defined = (status == CANCELED) & ~has_items & (rng.random(n) < 0.02) & ~no_pay
    rows = np.where(rng.random(n) < 0.03, np.where(rng.random(n) < 0.87, 2, 3), 1)
    rows = np.where(not_defined, 1, np.where(no_pay, 0, rows))
    pattern = rng.choice(3, size=n, p=[0.72, 0.14, 0.14])  # card+voucher, vouchers, cards
    pattern = np.where(rows > 1, pattern, 0)
    order = np.repeat(np.arange(n), rows)
    seq = np.arange(order.size) - np.repeat(np.cumsum(rows) - rows, rows) + 1
    kind = _row_types(primary[order], pattern[order], seq)
    kind = np.where(not_defined[order], NOT_DEFINED, kind)
    cents = _split_value(rng, order, seq, value, rows, pattern)
    cents = np.where(not_defined[order], 0, cents)
    zero = zero_pay & ~not_defined
    order, seq, kind, cents = _add_zero_vouchers(order, seq, kind, cents, zero, rows)
    installments = _installments(rng, kind, cents)
    shuffle = rng.permutation(order.size)
    columns = [
        order_ids[order[shuffle]].tolist(),
        _fmt_int(seq[shuffle]),
        PAYMENT_TYPES[kind[shuffle]].tolist(),
        _fmt_int(installments[shuffle]),
        _fmt_money(cents[shuffle]),
    ]
    slow = np.zeros(n, dtype=bool)
    slow[order[seq == 1]] = kind[seq == 1] == BOLETO
    return _csv(columns), slow


def _row_types(primary: np.ndarray, pattern: np.ndarray, seq: np.ndarray) -> np.ndarray:
    """Payment type per row: row 1 is the primary method, later rows vouchers or cards."""
    first = np.where(pattern == 1, VOUCHER, np.where(pattern == 2, CARD, primary))
    later = np.where(pattern == 2, CARD, VOUCHER)
    return np.where(seq == 1, first, later)


def _split_value(
    rng: np.random.Generator,
    order: np.ndarray,
    seq: np.ndarray,
    value: np.ndarray,
    rows: np.ndarray,
    pattern: np.ndarray,
) -> np.ndarray:
    """Split each order's value (cents) over its rows; rows sum exactly to the value."""
    weight = rng.uniform(0.15, 1.0, order.size)
    share = weight / np.bincount(order, weights=weight, minlength=value.size)[order]
    cents = np.floor(share * value[order]).astype(np.int64)
    voucher = _ROUND_VOUCHERS[rng.integers(0, _ROUND_VOUCHERS.size, order.size)]
    use_round = (rows[order] == 2) & (pattern[order] == 0) & (rng.random(order.size) < 0.45)
    use_round &= value[order] - voucher >= 100
    cents = np.where(use_round & (seq == 2), voucher, cents)
    cents = np.where(use_round & (seq == 1), value[order] - voucher, cents)
    paid = np.bincount(order, weights=cents.astype(float), minlength=value.size)
    rest = value - np.rint(paid).astype(np.int64)
    return cents + np.where(seq == 1, rest[order], 0)


def _add_zero_vouchers(
    order: np.ndarray,
    seq: np.ndarray,
    kind: np.ndarray,
    cents: np.ndarray,
    mask: np.ndarray,
    rows: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Append a 0.00 voucher row as the last payment_sequential of the masked orders."""
    extra = np.flatnonzero(mask & (rows > 0))
    return (
        np.concatenate([order, extra]),
        np.concatenate([seq, rows[extra] + 1]),
        np.concatenate([kind, np.full(extra.size, VOUCHER)]),
        np.concatenate([cents, np.zeros(extra.size, dtype=np.int64)]),
    )


def _installments(rng: np.random.Generator, kind: np.ndarray, cents: np.ndarray) -> np.ndarray:
    """1 except for credit cards: 1-10, more installments for larger amounts."""
    reais = np.maximum(cents, 100) / 100
    p_single = np.clip(0.8 - 0.18 * np.log(reais / 30), 0.15, 0.9)
    p_many = _INSTALLMENTS_2_10_P / _INSTALLMENTS_2_10_P.sum()
    many = rng.choice(np.arange(2, 11), size=kind.size, p=p_many)
    card = np.where(rng.random(kind.size) < p_single, 1, many)
    return np.where(kind == CARD, card, 1)


# ---------------------------------------------------------------------------- orders & customers


def _orders(
    rng: np.random.Generator,
    order_ids: np.ndarray,
    customer_ids: np.ndarray,
    status: np.ndarray,
    purchase: np.ndarray,
    slow: np.ndarray,
    perm: np.ndarray,
) -> str:
    """Orders CSV text with a status-consistent timeline."""
    n = status.size
    approved, has_approved = _approval(rng, status, purchase, slow)
    carrier = approved + _lognormal_seconds(rng, n, 1.8, 0.8, 1_800, 40 * 86_400)
    has_carrier = (status == DELIVERED) | (status == SHIPPED)
    has_carrier |= (status == CANCELED) & has_approved & (rng.random(n) < 0.3)
    delivered = carrier + _lognormal_seconds(rng, n, 7.0, 0.6, 43_200, 60 * 86_400)
    promise = np.clip(np.rint(rng.lognormal(np.log(23), 0.38, n)), 3, 70).astype(np.int64)
    estimated = (purchase // 86_400 + promise) * 86_400
    columns = [
        order_ids[perm].tolist(),
        customer_ids[perm].tolist(),
        STATUSES[status[perm]].tolist(),
        _fmt_ts(purchase[perm]),
        _fmt_ts(approved[perm], has_approved[perm]),
        _fmt_ts(carrier[perm], has_carrier[perm]),
        _fmt_ts(delivered[perm], (status == DELIVERED)[perm]),
        _fmt_ts(estimated[perm]),
    ]
    return _csv(columns)


def _approval(
    rng: np.random.Generator, status: np.ndarray, purchase: np.ndarray, slow: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Approval time (boleto ~1 day, cards mostly minutes) and whether it is recorded."""
    n = status.size
    fast = np.where(
        rng.random(n) < 0.88,
        _lognormal_seconds(rng, n, 15 / 1_440, 0.9, 0, 15 * 86_400),
        _lognormal_seconds(rng, n, 8 / 24, 1.0, 0, 15 * 86_400),
    )
    delay = np.where(slow, _lognormal_seconds(rng, n, 1.1, 0.7, 600, 15 * 86_400), fast)
    recorded = status != CREATED
    recorded &= ~((status == CANCELED) & (rng.random(n) < 0.2))
    recorded &= ~((status == DELIVERED) & (rng.random(n) < 0.00015))
    return purchase + delay, recorded


def _lognormal_seconds(
    rng: np.random.Generator, n: int, median_days: float, sigma: float, low: int, high: int
) -> np.ndarray:
    """Lognormal durations in whole seconds, clipped to ``[low, high]``."""
    seconds = rng.lognormal(np.log(median_days * 86_400), sigma, n)
    return np.clip(np.rint(seconds), low, high).astype(np.int64)


def _customers(
    rng: np.random.Generator,
    customer_ids: np.ndarray,
    person: np.ndarray,
    n_people: int,
    geo: _Geo,
    perm: np.ndarray,
) -> str:
    """Customers CSV text: one row per order, location fixed per person."""
    unique_ids = _hex_ids(rng, n_people)
    city = rng.choice(geo.p.size, size=n_people, p=geo.p)
    span = geo.zip_hi[city] - geo.zip_lo[city] + 1
    zip_code = geo.zip_lo[city] + (rng.random(n_people) * span).astype(np.int64)
    zip_text = np.array([f"{code:05d}" for code in zip_code.tolist()])
    who = person[perm]
    columns = [
        customer_ids[perm].tolist(),
        unique_ids[who].tolist(),
        zip_text[who].tolist(),
        geo.city[city][who].tolist(),
        geo.state[city][who].tolist(),
    ]
    return _csv(columns)
