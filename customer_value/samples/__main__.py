"""Command line: ``python -m customer_value.samples {olist,ecomx} ... --seed S --out DIR [--format parquet]`` and
``python -m customer_value.samples transactions --cdnow CDNOW_sample.txt --out DIR``."""

from __future__ import annotations

import argparse
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m customer_value.samples")
    sources = parser.add_subparsers(dest="source", required=True)

    olist = sources.add_parser("olist", help="Olist Kaggle-format folder")
    olist.add_argument("--orders", type=int, required=True)
    olist.add_argument("--seed", type=int, default=42)
    olist.add_argument("--out", type=Path, required=True)
    olist.add_argument("--format", choices=["csv", "parquet"], default="csv")

    ecomx = sources.add_parser("ecomx", help="EcomX Retailers folder")
    ecomx.add_argument("--customers", type=int, required=True)
    ecomx.add_argument("--seed", type=int, default=42)
    ecomx.add_argument("--out", type=Path, required=True)
    ecomx.add_argument("--format", choices=["csv", "parquet"], default="csv")

    transactions = sources.add_parser("transactions", help="plain transaction file from the real CDNOW sample")
    transactions.add_argument("--cdnow", type=Path, required=True, help="path of CDNOW_sample.txt")
    transactions.add_argument("--out", type=Path, required=True)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    if args.source == "olist":
        from customer_value.samples.olist_folder import write_olist

        write_olist(args.out, orders=args.orders, seed=args.seed)
    elif args.source == "transactions":
        from customer_value.samples.cdnow_transactions import write_transactions_from_cdnow

        write_transactions_from_cdnow(args.cdnow, args.out)
    else:
        from customer_value.samples.ecomx_folder import write_ecomx

        write_ecomx(args.out, customers=args.customers, seed=args.seed)
    if getattr(args, "format", "csv") == "parquet":
        from customer_value.samples.parquet_folder import convert_folder_to_parquet

        convert_folder_to_parquet(args.out)


if __name__ == "__main__":
    main()
