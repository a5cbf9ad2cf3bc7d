"""The built-in pipeline stages, registered like any plugin's."""

from __future__ import annotations

from ..hookspecs import hookimpl


@hookimpl
def register_stages(register):  # type: ignore[no-untyped-def]
    from ..actors.stage import ActorCatalogStage, ActorStage
    from ..nlp.spacy_stage import SpacyStage
    from ..stance.claims_stage import ClaimsStage
    from ..stance.keypoints_stage import KeypointsStage

    register(SpacyStage)
    register(ClaimsStage)
    register(KeypointsStage)
    register(ActorStage)
    register(ActorCatalogStage)

    from ..events.corpus import DedupStage, DyadStage
    from ..events.stage import PloverStage

    register(PloverStage)
    register(DedupStage)
    register(DyadStage)
