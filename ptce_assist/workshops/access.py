"""Who may do what with workshops, dossiers and comments: every call takes the credential.

- A candidate holds a dossier token: they reach that dossier only (join or leave workshops,
  read and resolve the comments made on it).
- An adviser holds a workshop's adviser token: they reach the dossiers attached to that
  workshop only, while the link has not expired.
- Creating a workshop takes the administrator passphrase, behind a brake on guessing.
Refusals raise `AccessDenied` with one French message that says nothing about why.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from ptce_assist.call import load_call
from ptce_assist.regions import region_by_code
from ptce_assist.storage import DossierStore, StoredDossier
from ptce_assist.storage.attempts import AttemptStore, BrakeKey
from ptce_assist.storage.clock import aware, utc_now
from ptce_assist.storage.comments import Comment, CommentStore, TargetKind
from ptce_assist.storage.history import HistoryStore
from ptce_assist.storage.tokens import looks_like_token, token_hash
from ptce_assist.storage.workshops import DuplicateJoinCode, Workshop, WorkshopStore
from ptce_assist.text import clean_text
from ptce_assist.workshops.codes import new_adviser_token, new_join_code, normalise_join_code
from ptce_assist.workshops.config import WorkshopConfig, config_from_env
from ptce_assist.workshops.passphrase import verify_passphrase

PARIS = ZoneInfo("Europe/Paris")
MAX_NAME = 200
MAX_COMMENT = 5_000
MAX_AUTHOR = 120
DEFAULT_SIGNATURE = "Conseil CRESS"

DENIED_MESSAGE = (
    "Ce lien d'accès n'est pas valable : il est incomplet, erroné ou a expiré. "
    "Demandez le lien à la personne qui a créé l'atelier."
)
JOIN_REFUSED_MESSAGE = (
    "Ce code ne correspond à aucun atelier ouvert. Vérifiez-le auprès de votre conseillère "
    "ou de votre conseiller."
)


class AccessDenied(Exception):
    def __init__(self, message: str = DENIED_MESSAGE) -> None:
        super().__init__(message)


class WorkshopInputError(ValueError):
    """Something in the workshop form is missing or wrong; the message is for the person."""


class CreationDisabled(Exception):
    def __init__(self) -> None:
        super().__init__(
            "La création d'ateliers n'est pas configurée sur ce serveur : l'administrateur doit "
            "définir la phrase secrète (commande « python -m ptce_assist passphrase »)."
        )


class Slowed(Exception):
    """Too many wrong attempts (or joins) from here: wait before trying again."""

    def __init__(self, wait_seconds: float, what: str = "Trop d'essais infructueux") -> None:
        self.wait_seconds = wait_seconds
        shown = max(1, round(wait_seconds))
        super().__init__(f"{what} : réessayez dans {_duration(shown)}.")


TOO_MANY_JOINS = "Beaucoup de dossiers ont rejoint un atelier depuis cette connexion"


class PassphraseRefused(Exception):
    def __init__(self) -> None:
        super().__init__("Phrase secrète incorrecte.")


@dataclass(frozen=True)
class Member:
    dossier_id: int
    project_name: str  # as the team typed it; may be empty
    joined_at: dt.datetime


@dataclass(frozen=True)
class CreatedWorkshop:
    workshop: Workshop
    adviser_token: str  # shown once: only its hash is stored


def end_of_day(day: dt.date) -> dt.datetime:
    """The last instant of `day` in metropolitan France, as UTC."""
    return dt.datetime.combine(day, dt.time.max, tzinfo=PARIS).astimezone(dt.UTC)


def last_workshop_moment(days: Sequence[dt.date], now: dt.datetime) -> dt.datetime | None:
    """The end of the latest workshop date already over at `now`, or None."""
    over = [end_of_day(d) for d in days if end_of_day(d) <= aware(now)]
    return max(over) if over else None


def client_key(client: str) -> str:
    """A client identity as stored: hashed, never in clear. An IPv6 address counts as its /64
    network (one subscriber gets a whole /64: per-address brakes would be free to dodge)."""
    try:
        address = ipaddress.ip_address(client.strip())
    except ValueError:
        identity = client
    else:
        if isinstance(address, ipaddress.IPv6Address):
            mapped = address.ipv4_mapped
            identity = (
                str(mapped)
                if mapped is not None
                else str(ipaddress.IPv6Network((address, 64), strict=False))
            )
        else:
            identity = str(address)
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]


class WorkshopService:
    def __init__(
        self,
        engine: Engine,
        config: WorkshopConfig | None = None,
        passphrase_hash: str | None = None,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self.config = config or config_from_env()
        self.clock = clock
        self.passphrase_hash = passphrase_hash
        self.dossiers = DossierStore(engine)
        self.workshops = WorkshopStore(engine)
        self.comments = CommentStore(engine)
        self.history = HistoryStore(engine)
        self.attempts = AttemptStore(engine, self.config.brake)

    # -- administrator -----------------------------------------------------------------------
    def create_workshop(
        self,
        *,
        passphrase: str,
        client: str,
        name: str,
        region: str,
        days: Sequence[dt.date],
    ) -> CreatedWorkshop:
        name = " ".join(clean_text(name).text.split())
        self._check_workshop_input(name, region, days)
        if not self.passphrase_hash:
            raise CreationDisabled()
        # Per address only: the passphrase is one target, so a brake on it would be the
        # server-wide lock a third party could hold shut.
        keys = [
            BrakeKey(f"passphrase:{client_key(client)}", self.config.passphrase_free_per_client),
        ]
        wait = self.attempts.reserve(keys, self.clock())
        if wait > 0:
            raise Slowed(wait)
        if not verify_passphrase(self.passphrase_hash, passphrase):
            raise PassphraseRefused()
        self.attempts.refund(keys, reset=True, now=self.clock())
        last = max(days)
        adviser_token, adviser_hash = new_adviser_token()
        for _ in range(20):
            try:
                workshop = self.workshops.add(
                    name=name,
                    region=region,
                    days=days,
                    join_code=new_join_code(),
                    adviser_token_hash=adviser_hash,
                    join_until=end_of_day(last) + self.config.join_grace,
                    adviser_until=end_of_day(last) + self.config.adviser_grace,
                )
            except DuplicateJoinCode:
                continue
            return CreatedWorkshop(workshop, adviser_token)
        raise RuntimeError("no free join code")  # 29**8 codes: not reachable in practice

    def _check_workshop_input(self, name: str, region: str, days: Sequence[dt.date]) -> None:
        if not name:
            raise WorkshopInputError("Donnez un nom à l'atelier.")
        if len(name) > MAX_NAME:
            raise WorkshopInputError(f"Le nom de l'atelier dépasse {MAX_NAME} caractères.")
        if region_by_code(region) is None:
            raise WorkshopInputError("Choisissez la région de l'atelier.")
        if not days:
            raise WorkshopInputError("Indiquez au moins une date de séance.")
        if len(set(days)) > self.config.max_days:
            raise WorkshopInputError(
                f"Un atelier compte au plus {self.config.max_days} dates de séance."
            )

    # -- adviser -----------------------------------------------------------------------------
    def adviser_workshop(
        self, adviser_token: str | None, now: dt.datetime | None = None
    ) -> Workshop:
        """The workshop this adviser link opens; AccessDenied if wrong or expired."""
        if not adviser_token or not looks_like_token(adviser_token):
            raise AccessDenied()
        workshop = self.workshops.by_adviser_token_hash(token_hash(adviser_token))
        if workshop is None or workshop.adviser_until < aware(now or self.clock()):
            raise AccessDenied()
        return workshop

    def workshop_dossiers(self, adviser_token: str | None) -> list[StoredDossier]:
        workshop = self.adviser_workshop(adviser_token)
        found = (self.dossiers.load_by_id(i) for i in self.workshops.member_ids(workshop.id))
        return [stored for stored in found if stored is not None]

    def workshop_dossier(self, adviser_token: str | None, dossier_id: int) -> StoredDossier:
        workshop = self.adviser_workshop(adviser_token)
        if not self.workshops.is_member(workshop.id, dossier_id):
            raise AccessDenied()
        stored = self.dossiers.load_by_id(dossier_id)
        if stored is None:
            raise AccessDenied()
        return stored

    def add_day(self, adviser_token: str | None, day: dt.date) -> Workshop:
        workshop = self.adviser_workshop(adviser_token)
        if day not in workshop.days and len(workshop.days) >= self.config.max_days:
            raise WorkshopInputError(
                f"Un atelier compte au plus {self.config.max_days} dates de séance."
            )
        self.workshops.add_day(workshop.id, day)
        return self.adviser_workshop(adviser_token)

    def members(self, adviser_token: str | None) -> list[Member]:
        """The dossiers attached to the workshop, oldest first, with when they joined."""
        workshop = self.adviser_workshop(adviser_token)
        found = []
        for dossier_id, joined_at in self.workshops.members(workshop.id):
            stored = self.dossiers.load_by_id(dossier_id)
            if stored is not None:
                found.append(Member(stored.id, stored.dossier.project.name.strip(), joined_at))
        return found

    def remove_member(self, adviser_token: str | None, dossier_id: int) -> bool:
        """Detach a dossier: the adviser no longer sees it. To keep its holder from joining
        again with the same code, renew the code too."""
        workshop = self.adviser_workshop(adviser_token)
        return self.workshops.leave(workshop.id, dossier_id)

    def renew_join_code(self, adviser_token: str | None) -> Workshop:
        """A new join code; the old one stops working at once (members stay)."""
        workshop = self.adviser_workshop(adviser_token)
        for _ in range(20):
            try:
                self.workshops.set_join_code(workshop.id, new_join_code())
            except DuplicateJoinCode:
                continue
            return self.adviser_workshop(adviser_token)
        raise RuntimeError("no free join code")  # 29**8 codes: not reachable in practice

    def add_comment(
        self,
        adviser_token: str | None,
        dossier_id: int,
        target_kind: TargetKind,
        target_id: str,
        body: str,
        author: str,
    ) -> Comment:
        workshop = self.adviser_workshop(adviser_token)
        stored = self.workshop_dossier(adviser_token, dossier_id)
        if target_id not in comment_targets(stored, target_kind):
            raise WorkshopInputError("Cette rubrique ou ce critère n'existe pas dans l'appel.")
        text = clean_text(body).text.strip()
        if not text:
            raise WorkshopInputError("Le commentaire est vide.")
        if len(text) > MAX_COMMENT:
            raise WorkshopInputError(f"Un commentaire compte au plus {MAX_COMMENT} caractères.")
        signed = " ".join(clean_text(author).text.split())[:MAX_AUTHOR] or DEFAULT_SIGNATURE
        return self.comments.add(
            dossier_id=stored.id,
            workshop_id=workshop.id,
            target_kind=target_kind,
            target_id=target_id,
            author=signed,
            body=text,
        )

    def dossier_comments(self, adviser_token: str | None, dossier_id: int) -> list[Comment]:
        stored = self.workshop_dossier(adviser_token, dossier_id)
        return self.comments.of_dossier(stored.id)

    def open_comment_counts(self, adviser_token: str | None) -> dict[int, int]:
        workshop = self.adviser_workshop(adviser_token)
        return self.comments.open_counts(self.workshops.member_ids(workshop.id))

    def texts_at(
        self, adviser_token: str | None, dossier_id: int, moment: dt.datetime
    ) -> dict[str, str]:
        stored = self.workshop_dossier(adviser_token, dossier_id)
        return self.history.texts_at(stored.id, moment)

    # -- candidate ---------------------------------------------------------------------------
    def _own(self, dossier_token: str | None) -> int:
        """The id of the dossier the token opens (the token is the proof of access)."""
        if not dossier_token or not looks_like_token(dossier_token):
            raise AccessDenied()
        dossier_id = self.dossiers.id_for(dossier_token)
        if dossier_id is None:
            raise AccessDenied()
        return dossier_id

    def join(self, dossier_token: str | None, typed_code: str, client: str) -> Workshop:
        """Attach the dossier to the workshop of `typed_code`.

        Wrong codes are braked per address and per dossier (the target: only its holder can
        charge it); the dossiers one address attaches are braked too, so that one person
        cannot fill a workshop. Nothing anyone else does can keep the right code from
        being checked for this dossier from this address."""
        dossier_id = self._own(dossier_token)
        address = client_key(client)
        guesses = [
            BrakeKey(f"join:{address}", self.config.join_free_per_client),
            BrakeKey(f"join-dossier:{dossier_id}", self.config.join_free_per_dossier),
        ]
        wait = self.attempts.reserve(guesses, self.clock())
        if wait > 0:
            raise Slowed(wait)
        code = normalise_join_code(typed_code)
        workshop = self.workshops.by_join_code(code) if code else None
        if workshop is None or workshop.join_until < self.clock():
            raise AccessDenied(JOIN_REFUSED_MESSAGE)
        self.attempts.refund(guesses, now=self.clock())
        if self.workshops.is_member(workshop.id, dossier_id):
            return workshop
        joins = [BrakeKey(f"joined:{address}", self.config.joins_free_per_client)]
        wait = self.attempts.reserve(joins, self.clock())
        if wait > 0:
            raise Slowed(wait, TOO_MANY_JOINS)
        if len(self.workshops.member_ids(workshop.id)) >= self.config.max_members:
            self.attempts.refund(joins, now=self.clock())
            raise WorkshopInputError(
                "Cet atelier est complet : demandez à votre conseillère ou votre conseiller."
            )
        if not self.workshops.join(workshop.id, dossier_id):
            self.attempts.refund(joins, now=self.clock())  # joined meanwhile, in another tab
        return workshop

    def leave(self, dossier_token: str | None, workshop_id: int) -> bool:
        return self.workshops.leave(workshop_id, self._own(dossier_token))

    def my_workshops(self, dossier_token: str | None) -> list[Workshop]:
        return self.workshops.workshops_of(self._own(dossier_token))

    def my_comments(
        self,
        dossier_token: str | None,
        target_kind: TargetKind | None = None,
        target_id: str | None = None,
    ) -> list[Comment]:
        return self.comments.of_dossier(
            self._own(dossier_token), target_kind=target_kind, target_id=target_id
        )

    def my_last_workshop(self, dossier_token: str | None) -> dt.datetime | None:
        """The end of the latest past séance among the dossier's workshops, or None."""
        days = [d for w in self.my_workshops(dossier_token) for d in w.days]
        return last_workshop_moment(days, self.clock())

    def my_texts_at(self, dossier_token: str | None, moment: dt.datetime) -> dict[str, str]:
        return self.history.texts_at(self._own(dossier_token), moment)

    def resolve_comment(
        self, dossier_token: str | None, comment_id: int, resolved: bool = True
    ) -> bool:
        """Only a comment made on the token's own dossier can be marked."""
        return self.comments.set_resolved(comment_id, self._own(dossier_token), resolved)


def comment_targets(stored: StoredDossier, kind: TargetKind) -> tuple[str, ...]:
    call = load_call(stored.dossier.call_id)
    if kind == "rubric":
        return call.rubric_ids
    return tuple(c.id for c in call.selection_criteria)


def _duration(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} seconde{'s' if seconds > 1 else ''}"
    minutes = (seconds + 59) // 60
    return f"{minutes} minute{'s' if minutes > 1 else ''}"
