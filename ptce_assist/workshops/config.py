"""Workshop settings, from the environment (tests shrink the brake's delays here)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from ptce_assist.storage.attempts import BrakePolicy

BRAKE_BASE_ENV = "PTCE_BRAKE_BASE_SECONDS"
BRAKE_MAX_ENV = "PTCE_BRAKE_MAX_SECONDS"
TRUST_PROXY_ENV = "PTCE_TRUST_PROXY"


@dataclass(frozen=True)
class WorkshopConfig:
    brake: BrakePolicy = field(default_factory=BrakePolicy)
    join_grace: dt.timedelta = dt.timedelta(days=30)  # join code valid after the last date
    adviser_grace: dt.timedelta = dt.timedelta(days=365)  # adviser link valid after it
    # Brakes are per address and per target, never server-wide: a server-wide counter let
    # anyone deny the right passphrase or code to its owner (issue 17).
    passphrase_free_per_client: int = 3
    join_free_per_client: int = 10  # wrong codes from one address
    join_free_per_dossier: int = 10  # wrong codes for one dossier, whatever the address
    joins_free_per_client: int = 20  # dossiers attached from one address (a room behind NAT)
    max_members: int = 60
    max_days: int = 30


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    try:
        value = float(env.get(name, "") or default)
    except ValueError:
        return default
    return value if value >= 0 else default


def config_from_env(env: Mapping[str, str] | None = None) -> WorkshopConfig:
    env = os.environ if env is None else env
    brake = BrakePolicy(
        base_seconds=_float(env, BRAKE_BASE_ENV, 1.0),
        max_seconds=_float(env, BRAKE_MAX_ENV, 15 * 60),
    )
    return WorkshopConfig(brake=brake)


def trust_proxy(env: Mapping[str, str] | None = None) -> bool:
    """Whether X-Forwarded-For from the reverse proxy identifies the client (see deploiement)."""
    env = os.environ if env is None else env
    return env.get(TRUST_PROXY_ENV, "") == "1"
