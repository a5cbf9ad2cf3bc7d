"""The built-in pipeline stages, registered like any plugin's."""

from __future__ import annotations

from ..hookspecs import hookimpl


@hookimpl
def register_stages(register):  # type: ignore[no-untyped-def]
    from ..actors.stage import ActorCatalogStage, ActorStage
    from ..nlp.spacy_stage import SpacyStage

    register(SpacyStage)
    register(ActorStage)
    register(ActorCatalogStage)

    from ..events.anchors import AnchorStage
    from ..events.corpus import DedupStage, DyadStage
    from ..events.stage import PloverStage

    register(PloverStage)
    register(AnchorStage)
    register(DedupStage)
    register(DyadStage)

    from ..stance.claims_stage import ClaimsStage
    from ..stance.keypoints_stage import KeypointsStage

    register(ClaimsStage)
    register(KeypointsStage)
