"""The quality gate: scores on the gold sets stay at or above their pinned floors."""

from __future__ import annotations

import pytest

from conftest import SHARED, require_shared, invoke
from policylens.eval.gate import gold_digest, load_floors
from policylens.eval.runner import run_evaluations


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    require_shared("gold", "seeds.json")
    return run_evaluations(SHARED)


def test_floors_are_pinned_for_every_score(scores: dict[str, float]) -> None:
    floors = load_floors()["floors"]
    assert set(scores) <= set(floors), "pin new scores: python -m policylens.eval.gate --update"


def test_scores_meet_their_floors(scores: dict[str, float]) -> None:
    floors = load_floors()["floors"]
    below = {k: (v, floors[k]) for k, v in scores.items() if k in floors and v < floors[k]}
    assert not below, f"scores below their floors (score, floor): {below}"


def test_gold_data_is_the_one_the_floors_were_set_on() -> None:
    require_shared("gold", "seeds.json")
    digests = load_floors()["gold_digests"]
    for prefix, digest in digests.items():
        assert gold_digest(SHARED, prefix) == digest, (
            f"the {prefix} gold changed: review and re-pin its floors")


def test_eval_command_prints_the_table() -> None:
    require_shared("gold", "seeds.json")
    result = invoke("eval", "--shared", str(SHARED), "--gate")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split() == ["metric", "score", "floor"]
    assert "seeds.boilerplate_removed" in result.output


def test_a_floor_is_lowered_only_when_asked_and_the_history_says_which(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json

    from policylens.eval import gate

    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"a": 0.5, "b": 0.5}, "history": [], "gold_digests": {}}))
    monkeypatch.setattr(gate, "FLOORS", floors)
    monkeypatch.setattr(gate, "EVALUATIONS", {})
    monkeypatch.setattr(gate, "run_evaluations", lambda shared: {"a": 0.4, "b": 0.9})
    with pytest.raises(SystemExit, match="a: 0.5 -> 0.38"):
        gate.update_floors(tmp_path, allow_lower=False, reason=None)
    gate.update_floors(tmp_path, allow_lower=True, reason="a better model overall")
    data = json.loads(floors.read_text())
    assert data["floors"] == {"a": 0.38, "b": 0.88}
    assert data["history"] == [{"lowered": ["a: 0.5 -> 0.38"], "reason": "a better model overall"}]
