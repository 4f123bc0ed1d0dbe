"""Rule 6: the catalogue of cancellation reasons, loaded from a data file.

A reason may ask follow-up questions; an answer may show resources (a crisis
line, a sliding scale, telehealth instead, reschedule). The catalogue is data,
so a practice can edit it; loading validates it and names the bad entry.
The same file lists the reasons a provider gives when cancelling on a client's
behalf (``provider_reasons``: an id and a label; ``free_text`` asks for a note).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class ResourceAction(StrEnum):
    """What a resource offers as a button on the cancel screen (the catalogue's ``action``)."""

    RESCHEDULE = "reschedule"
    TELEHEALTH = "telehealth"
    CANCEL_ALL_UPCOMING = "cancel_all_upcoming"
    MESSAGE_PROVIDER = "message_provider"


ACTIONS = frozenset(ResourceAction)


class CatalogueError(ValueError):
    """The reasons catalogue is malformed; the message names the entry and the fault."""


@dataclass(frozen=True)
class Resource:
    id: str
    title: str
    body: str
    phone: str = ""
    url: str = ""
    urgent: bool = False  # shown before anything else (crisis resources)
    action: ResourceAction | None = None  # the screen offers it as a button


@dataclass(frozen=True)
class Answer:
    id: str
    label: str
    resources: tuple[str, ...] = ()
    # The client asks to be contacted: the cancellation raises an urgent item for the
    # provider in the same transaction (rule 6). The catalogue decides which answers do.
    asks_contact: bool = False


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    answers: tuple[Answer, ...]
    required: bool = False

    def answer(self, answer_id: str) -> Answer:
        for a in self.answers:
            if a.id == answer_id:
                return a
        raise KeyError(answer_id)


@dataclass(frozen=True)
class Reason:
    id: str
    label: str
    questions: tuple[Question, ...] = ()
    resources: tuple[str, ...] = ()  # shown as soon as the reason is picked
    free_text: bool = False  # "Other": the client must describe it
    crisis: bool = False  # its resources come first, before any form


@dataclass(frozen=True)
class ProviderReason:
    """Why a provider cancels an appointment on the client's behalf."""

    id: str
    label: str
    free_text: bool = False  # the provider must add a note saying why


@dataclass(frozen=True)
class Catalogue:
    reasons: tuple[Reason, ...]
    resources: Mapping[str, Resource] = field(default_factory=dict)
    provider_reasons: tuple[ProviderReason, ...] = ()

    def reason(self, reason_id: str) -> Reason:
        for r in self.reasons:
            if r.id == reason_id:
                return r
        raise KeyError(reason_id)

    def provider_reason(self, reason_id: str) -> ProviderReason:
        for r in self.provider_reasons:
            if r.id == reason_id:
                return r
        raise KeyError(reason_id)

    def label_for(self, reason_id: str) -> str:
        """The label of a client or provider reason; a code no longer in the catalogue reads as words."""
        for r in (*self.provider_reasons, *self.reasons):
            if r.id == reason_id:
                return r.label
        return reason_id.replace("_", " ").capitalize()

    def validate_provider_reason(self, reason_id: str, note: str) -> list[str]:
        """Problems with a provider's reason and note, as sentences (empty when fine)."""
        if not reason_id:
            return ["Pick a reason for cancelling."]
        try:
            reason = self.provider_reason(reason_id)
        except KeyError:
            return [f"“{reason_id}” is not a reason a provider can give for cancelling; pick one from the list."]
        if reason.free_text and not note.strip():
            return ["Say briefly why you are cancelling."]
        return []

    def resources_for(self, reason_id: str, answers: Mapping[str, str]) -> list[Resource]:
        """The resources to show for a reason and the answers given so far,
        urgent ones first, each once, in catalogue order otherwise."""
        reason = self.reason(reason_id)
        ids: list[str] = list(reason.resources)
        for q in reason.questions:
            chosen = answers.get(q.id)
            if chosen:
                ids.extend(q.answer(chosen).resources)
        seen: dict[str, Resource] = {}
        for rid in ids:
            seen.setdefault(rid, self.resources[rid])
        return sorted(seen.values(), key=lambda r: not r.urgent)

    def contact_requests(self, reason_id: str, answers: Mapping[str, str]) -> tuple[tuple[Question, Answer], ...]:
        """The answers given that ask the provider to get in touch (empty when none does)."""
        try:
            reason = self.reason(reason_id)
        except KeyError:
            return ()
        found = []
        for q in reason.questions:
            chosen = answers.get(q.id)
            if chosen and chosen in {a.id for a in q.answers}:
                answer = q.answer(chosen)
                if answer.asks_contact:
                    found.append((q, answer))
        return tuple(found)

    def validate_answers(self, reason_id: str, answers: Mapping[str, str], other_text: str) -> list[str]:
        """Problems with a client's answers, as sentences (empty when fine)."""
        try:
            reason = self.reason(reason_id)
        except KeyError:
            return [f"“{reason_id}” is not a cancellation reason."]
        problems = []
        known = {q.id: q for q in reason.questions}
        for qid, aid in answers.items():
            q = known.get(qid)
            if q is None:
                problems.append(f"“{qid}” is not a question of “{reason.label}”.")
            elif aid not in {a.id for a in q.answers}:
                problems.append(f"“{aid}” is not an answer to “{q.text}”.")
        for q in reason.questions:
            if q.required and not answers.get(q.id):
                problems.append(f"Please answer: {q.text}")
        if reason.free_text and not other_text.strip():
            problems.append("Please say briefly why you are cancelling.")
        return problems


def _req(entry: Mapping[str, Any], key: str, where: str, kind: type = str) -> Any:
    if key not in entry:
        raise CatalogueError(f"{where}: missing “{key}”")
    value = entry[key]
    if not isinstance(value, kind) or (kind is str and not value.strip()):
        raise CatalogueError(f"{where}: “{key}” must be a non-empty {kind.__name__}")
    return value


def parse_catalogue(data: Mapping[str, Any]) -> Catalogue:
    if not isinstance(data, Mapping):
        raise CatalogueError("the catalogue must be an object with “resources” and “reasons”")
    resources: dict[str, Resource] = {}
    for i, entry in enumerate(data.get("resources", [])):
        where = f"resources[{i}]"
        rid = _req(entry, "id", where)
        where = f"resource “{rid}”"
        if rid in resources:
            raise CatalogueError(f"{where}: defined twice")
        action = entry.get("action", "")
        if action and action not in ACTIONS:
            raise CatalogueError(f"{where}: unknown action “{action}” (known: {', '.join(sorted(ACTIONS))})")
        resources[rid] = Resource(
            id=rid, title=_req(entry, "title", where), body=_req(entry, "body", where),
            phone=entry.get("phone", ""), url=entry.get("url", ""),
            urgent=bool(entry.get("urgent", False)), action=ResourceAction(action) if action else None,
        )

    def check_refs(refs: Any, where: str) -> tuple[str, ...]:
        if not isinstance(refs, list):
            raise CatalogueError(f"{where}: “resources” must be a list of resource ids")
        for ref in refs:
            if ref not in resources:
                raise CatalogueError(f"{where}: unknown resource “{ref}”")
        return tuple(refs)

    reasons: list[Reason] = []
    seen_ids: set[str] = set()
    raw_reasons = data.get("reasons")
    if not isinstance(raw_reasons, list) or not raw_reasons:
        raise CatalogueError("the catalogue needs a non-empty list “reasons”")
    for i, entry in enumerate(raw_reasons):
        rid = _req(entry, "id", f"reasons[{i}]")
        where = f"reason “{rid}”"
        if rid in seen_ids:
            raise CatalogueError(f"{where}: defined twice")
        seen_ids.add(rid)
        questions = []
        for j, q in enumerate(entry.get("questions", [])):
            qid = _req(q, "id", f"{where}, questions[{j}]")
            qwhere = f"{where}, question “{qid}”"
            raw_answers = _req(q, "answers", qwhere, list)
            answers = []
            for k, a in enumerate(raw_answers):
                aid = _req(a, "id", f"{qwhere}, answers[{k}]")
                awhere = f"{qwhere}, answer “{aid}”"
                asks_contact = a.get("asks_contact", False)
                if not isinstance(asks_contact, bool):
                    raise CatalogueError(f"{awhere}: “asks_contact” must be true or false")
                answers.append(Answer(aid, _req(a, "label", awhere), check_refs(a.get("resources", []), awhere),
                                      asks_contact))
            if len({a.id for a in answers}) != len(answers):
                raise CatalogueError(f"{qwhere}: two answers share an id")
            questions.append(Question(qid, _req(q, "text", qwhere), tuple(answers), bool(q.get("required", False))))
        reasons.append(Reason(
            id=rid, label=_req(entry, "label", where), questions=tuple(questions),
            resources=check_refs(entry.get("resources", []), where),
            free_text=bool(entry.get("free_text", False)), crisis=bool(entry.get("crisis", False)),
        ))
    return Catalogue(tuple(reasons), resources, _parse_provider_reasons(data.get("provider_reasons"), seen_ids))


def _parse_provider_reasons(raw: Any, client_ids: set[str]) -> tuple[ProviderReason, ...]:
    if not isinstance(raw, list) or not raw:
        raise CatalogueError("the catalogue needs a non-empty list “provider_reasons” (why a provider cancels)")
    out: list[ProviderReason] = []
    for i, entry in enumerate(raw):
        if not isinstance(entry, Mapping):
            raise CatalogueError(f"provider_reasons[{i}]: must be an object with “id” and “label”")
        rid = _req(entry, "id", f"provider_reasons[{i}]")
        where = f"provider reason “{rid}”"
        if any(r.id == rid for r in out):
            raise CatalogueError(f"{where}: defined twice")
        if rid in client_ids:
            raise CatalogueError(f"{where}: the id is also a client reason; give it its own id")
        free_text = entry.get("free_text", False)
        if not isinstance(free_text, bool):
            raise CatalogueError(f"{where}: “free_text” must be true or false")
        out.append(ProviderReason(rid, _req(entry, "label", where), free_text))
    return tuple(out)


def load_catalogue(path: Path) -> Catalogue:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    return parse_catalogue(data)
