"""The quality gate: scores on the gold sets stay at or above their pinned floors."""

from __future__ import annotations

import pytest

from conftest import SHARED, require_shared, invoke
from policylens.errors import PolicylensError
from policylens.eval.gate import gold_digest, load_floors
from policylens.eval.runner import EVALUATIONS, run_evaluations, run_one


# about 90,000 match passes: three quarters of the gate's time
LONGEST = "stance#argkp_grouping"


@pytest.mark.slow
@pytest.mark.parametrize("prefix", [
    pytest.param(p, marks=[pytest.mark.longest] if p == LONGEST else []) for p in EVALUATIONS])
def test_scores_are_pinned_and_meet_their_floors(prefix: str) -> None:
    """One test per evaluation, so that parallel test workers share them out."""
    for need in EVALUATIONS[prefix][0]:
        require_shared(need)  # absolute paths (the sample's own gold) pass through
    scores = run_one(SHARED, prefix)
    floors = load_floors()["floors"]
    assert scores, f"{prefix} produced no scores"
    unpinned = sorted(set(scores) - set(floors))
    assert not unpinned, f"pin new scores {unpinned}: python -m policylens.eval.gate --update"
    below = {k: (v, floors[k]) for k, v in scores.items() if v < floors[k]}
    assert not below, f"scores below their floors (score, floor): {below}"


def test_gold_data_is_the_one_the_floors_were_set_on() -> None:
    require_shared("gold", "seeds.json")
    digests = load_floors()["gold_digests"]
    assert set(digests) == set(EVALUATIONS), "pin the digests: python -m policylens.eval.gate --update"
    for prefix, digest in digests.items():
        assert gold_digest(SHARED, prefix) == digest, (
            f"the {prefix} gold changed: review and re-pin its floors")


def test_eval_command_prints_the_table() -> None:
    require_shared("gold", "seeds.json")
    result = invoke("eval", "--shared", str(SHARED), "--gate", "--only", "seeds", "--only", "sample")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["metric", "score", "floor"]
    assert "seeds.boilerplate_removed" in result.output
    assert {line.split(".")[0] for line in lines[1:]} == {"seeds", "sample"}


def test_an_unknown_evaluation_is_named_with_the_choices() -> None:
    with pytest.raises(PolicylensError, match="No evaluation named seedz: choose from seeds, "):
        run_evaluations(SHARED, only=["seedz"])


def test_a_named_evaluation_without_its_gold_says_what_is_missing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PolicylensError, match=r"No gold data for stance#vast \(missing .*vast_dev"):
        run_evaluations(tmp_path, only=["stance#vast"])


def test_evaluations_in_parallel_processes_score_the_same() -> None:
    require_shared("gold", "seeds.json")
    only = ["seeds", "sample", "seeds#actors"]
    assert run_evaluations(SHARED, only=only, jobs=2) == run_evaluations(SHARED, only=only)


def test_a_floor_is_lowered_only_when_asked_and_the_history_says_which(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json

    from policylens.eval import gate

    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"a": 0.5, "b": 0.5}, "history": [], "gold_digests": {}}))
    monkeypatch.setattr(gate, "FLOORS", floors)
    monkeypatch.setattr(gate, "runnable", lambda shared, only=(): [])
    monkeypatch.setattr(gate, "run_evaluations", lambda shared, only=(), jobs=1: {"a": 0.4, "b": 0.9})
    with pytest.raises(SystemExit, match="a: 0.5 -> 0.38"):
        gate.update_floors(tmp_path, allow_lower=False, reason=None)
    gate.update_floors(tmp_path, allow_lower=True, reason="a better model overall")
    data = json.loads(floors.read_text())
    assert data["floors"] == {"a": 0.38, "b": 0.88}
    assert data["history"] == [{"lowered": ["a: 0.5 -> 0.38"], "reason": "a better model overall"}]


def test_an_update_of_some_evaluations_leaves_the_others_floors_and_digests(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json

    from policylens.eval import gate

    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"x.a": 0.5, "y.b": 0.5}, "history": [],
                                  "gold_digests": {"x": "old-x", "y": "old-y"}}))
    scores = {"x": {"x.a": 0.9}, "y": {"y.b": 0.1}}
    monkeypatch.setattr(gate, "FLOORS", floors)
    monkeypatch.setattr(gate, "run_evaluations", lambda shared, only=(), jobs=1: {
        k: v for name in (only or scores) for k, v in scores[name].items()})
    monkeypatch.setattr(gate, "runnable", lambda shared, only=(): list(only or scores))
    monkeypatch.setattr(gate, "gold_digest", lambda shared, prefix: f"new-{prefix}")
    gate.update_floors(tmp_path, allow_lower=False, reason=None, only=["x"])
    data = json.loads(floors.read_text())
    assert data["floors"] == {"x.a": 0.88, "y.b": 0.5}
    assert data["gold_digests"] == {"x": "new-x", "y": "old-y"}
