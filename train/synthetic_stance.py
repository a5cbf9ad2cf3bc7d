"""Stance pairs written from templates: a course of action judged by its costs and benefits.

The stance head reads analytic prose badly where the side depends on what is judged and how:
"Attending costs little and buys access" is for attending, "there is little to lose from
skipping" against it, "a gamble Seoul need not take" against. The public stance sets rarely
phrase a side that way. These pairs cross a course of action or its opposite (doing it or
holding back) with a favourable or unfavourable judgement, so the side is the product of the
two; a few plain reports are neutral. The debates are invented for training and are not the
ones the tool is evaluated on (no South Korea–NATO debate); every sentence is written here.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from data import Pair

PRO, CON, NEUTRAL = 0, 1, 2


@dataclass(frozen=True)
class Debate:
    question: str
    target: str  # the question's target phrase, read like the tool's framed reading
    actor: str
    doing: tuple[str, ...]  # noun phrases for taking the course the question asks about
    holding_back: tuple[str, ...]  # noun phrases for not taking it
    gain: str
    cost: str


DEBATES = (
    Debate("Should Germany send long-range missiles to Ukraine?", "German long-range missiles for Ukraine",
           "Berlin", ("sending the missiles to Kyiv", "a German delivery of long-range missiles"),
           ("holding the missiles back", "Berlin's refusal to deliver the missiles"),
           "credibility with its allies", "a sharper confrontation with Moscow"),
    Debate("Should Japan raise defence spending to 2% of GDP?", "higher Japanese defence spending",
           "Tokyo", ("raising the defence budget", "doubling military spending"),
           ("keeping the defence budget flat", "a freeze on military spending"),
           "a stronger deterrent", "new taxes on households"),
    Debate("Should Australia go ahead with the nuclear submarine deal?", "the nuclear submarine deal",
           "Canberra", ("going ahead with the submarine deal", "buying the nuclear submarines"),
           ("walking away from the submarine deal", "cancelling the submarine order"),
           "a navy that can patrol far from home", "a bill of several hundred billion dollars"),
    Debate("Should India keep buying Russian oil?", "Indian purchases of Russian oil", "Delhi",
           ("buying discounted Russian crude", "keeping the Russian oil flowing"),
           ("cutting the Russian oil imports", "a halt to the Russian purchases"),
           "cheaper fuel at home", "friction with Washington"),
    Debate("Should the Philippines allow more US bases on its territory?", "more US bases in the Philippines",
           "Manila", ("opening new sites to American forces", "hosting more US troops"),
           ("closing the door to new American sites", "limiting the US presence"),
           "help in defending its waters", "becoming a target in a wider war"),
    Debate("Should the EU impose tariffs on Chinese electric cars?", "EU tariffs on Chinese electric cars",
           "Brussels", ("imposing the duties on Chinese cars", "a tariff on Chinese vehicles"),
           ("leaving the market open to Chinese cars", "dropping the planned duties"),
           "a fair chance for European carmakers", "retaliation against European exports"),
    Debate("Should Brazil's president attend the BRICS summit in Kazan?", "the president attending the BRICS summit",
           "Brasília", ("attending the summit in Kazan", "the president's trip to the BRICS summit"),
           ("skipping the summit in Kazan", "staying away from the BRICS meeting"),
           "a seat at the table on trade finance", "awkward questions from Western partners"),
    Debate("Should Turkey buy more Russian air defence systems?", "Turkish purchases of Russian air defences",
           "Ankara", ("buying a second batch of S-400 batteries", "the new Russian air defence order"),
           ("shelving the second S-400 batch", "turning down the Russian offer"),
           "independence in its arms supply", "American sanctions on its defence industry"),
    Debate("Should Canada join the missile defence shield?", "Canada joining the missile defence shield",
           "Ottawa", ("joining the missile shield", "Canadian participation in missile defence"),
           ("staying out of the missile shield", "declining to take part in missile defence"),
           "a say in how North America is defended", "a bill it has never budgeted for"),
    Debate("Should Mexico deploy troops to its northern border?", "Mexican troops on the northern border",
           "Mexico City", ("sending soldiers to the northern border", "the troop deployment to the border"),
           ("keeping the army away from the border", "relying on the police alone at the border"),
           "relief from the threatened tariffs", "soldiers pulled from fighting the cartels"),
    Debate("Should Poland host American nuclear weapons?", "American nuclear weapons in Poland", "Warsaw",
           ("hosting American warheads", "stationing nuclear weapons on Polish soil"),
           ("keeping Poland free of nuclear weapons", "turning down the warheads"),
           "a firmer guarantee of protection", "a new target for Russian missiles"),
    Debate("Should Kenya lead the security mission to Haiti?", "Kenya leading the mission to Haiti", "Nairobi",
           ("leading the mission to Haiti", "sending Kenyan police to Port-au-Prince"),
           ("withdrawing from the Haiti mission", "keeping its police at home"),
           "standing as a contributor to global security", "casualties far from home"),
    Debate("Should Norway open its seabed to mining?", "deep-sea mining in Norwegian waters", "Oslo",
           ("opening the seabed to mining", "licensing seabed mining"),
           ("keeping the seabed closed to miners", "a moratorium on seabed mining"),
           "a supply of critical minerals", "damage to fragile ocean ecosystems"),
    Debate("Should Egypt join the naval coalition in the Red Sea?", "Egypt joining the Red Sea naval coalition",
           "Cairo", ("joining the naval coalition", "sending Egyptian warships to the coalition"),
           ("staying out of the naval coalition", "keeping its fleet in port"),
           "Suez Canal revenues restored", "attacks on its own shipping"),
    Debate("Should Indonesia join the BRICS group?", "Indonesia joining BRICS", "Jakarta",
           ("joining the BRICS group", "full membership in BRICS"),
           ("remaining outside BRICS", "declining the BRICS invitation"),
           "new sources of investment", "doubts about its non-aligned stance"),
    Debate("Should the United Kingdom rejoin the EU single market?", "the UK rejoining the single market",
           "London", ("rejoining the single market", "a return to the single market"),
           ("staying out of the single market", "keeping the current trade deal"),
           "frictionless trade with its largest market", "following rules it has no vote on"),
    Debate("Should Vietnam upgrade its ties with the United States?", "closer Vietnamese ties with the United States",
           "Hanoi", ("upgrading the partnership with Washington", "a closer defence partnership with America"),
           ("keeping Washington at arm's length", "freezing the ties with America"),
           "access to advanced chip investment", "anger in Beijing"),
    Debate("Should Saudi Arabia normalise relations with Israel?", "Saudi normalisation with Israel", "Riyadh",
           ("normalising relations with Israel", "a Saudi-Israeli deal"),
           ("holding off on normalisation", "refusing to recognise Israel"),
           "an American security guarantee", "unrest among its own citizens"),
    Debate("Should Finland build a fence on its Russian border?", "a Finnish fence on the Russian border",
           "Helsinki", ("building the border fence", "fencing off the eastern border"),
           ("leaving the border unfenced", "scrapping the fence project"),
           "control over who crosses", "a bill of several hundred million euros"),
    Debate("Should South Africa arrest visiting leaders wanted by the ICC?", "South Africa enforcing ICC warrants",
           "Pretoria", ("enforcing the court's warrants", "arresting leaders the court has charged"),
           ("ignoring the court's warrants", "letting wanted leaders visit freely"),
           "its standing as a defender of international law", "a clash with powerful partners"),
)

FAVOURABLE = (
    "{s} costs little and buys {gain}.",
    "{s} makes sense from a cost-benefit perspective.",
    "{s} is a price worth paying for {gain}.",
    "{s} would serve {actor}'s interests.",
    "{s} would strengthen {actor}'s hand.",
    "{s} brings more than it costs.",
    "{s} would pay off in {gain}.",
    "{s} is the prudent choice for {actor}.",
    "{s} offers {actor} {gain} at little cost.",
    "There is much to gain from {s_lower}.",
    "{actor} has little to lose from {s_lower}.",
    "The case for {s_lower} is stronger than its critics admit.",
)
UNFAVOURABLE = (
    "{s} would cost {actor} far more than it brings.",
    "{s} is a gamble that {actor} does not need to take.",
    "{s} would come at the cost of {cost}.",
    "{s} offers few tangible benefits.",
    "{s} would be a costly mistake.",
    "{s} carries risks that outweigh the gains.",
    "{s} would leave {actor} exposed to {cost}.",
    "{s} would undercut {actor}'s interests.",
    "{s} makes little sense for {actor}.",
    "There is little to gain from {s_lower}.",
    "{actor} has much to lose from {s_lower}.",
    "The case for {s_lower} does not survive a look at the costs.",
)
REPORTS = (
    "Officials in {actor} met on Tuesday to discuss {s_lower}.",
    "A decision on {s_lower} is expected after the summer recess.",
    "The committee heard three experts on {s_lower} last week.",
)
OPENERS = ("", "", "On balance, ", "In the end, ", "For now, ", "Put simply, ", "Analysts argue that ")


def synthetic_stance_pairs(rng: random.Random) -> list[Pair]:
    """Every debate x course (doing / holding back) x judgement, read against the question or
    its target phrase (chosen at random), plus neutral reports. The side is the course's sign
    times the judgement's: holding back judged favourably is against the question."""
    pairs = []
    for debate in DEBATES:
        for course, sign in ((debate.doing, 1), (debate.holding_back, -1)):
            for subject in course:
                for templates, judged in ((FAVOURABLE, 1), (UNFAVOURABLE, -1)):
                    # a gain or cost named in the sentence is the course's own: only for doing it
                    for template in [t for t in templates if sign > 0 or not _names_outcome(t)]:
                        side = PRO if sign * judged > 0 else CON
                        pairs.append(_pair(debate, template, subject, side, rng))
                for template in REPORTS:
                    pairs.append(_pair(debate, template, subject, NEUTRAL, rng))
    return pairs


def _names_outcome(template: str) -> bool:
    return "{gain}" in template or "{cost}" in template


def _pair(debate: Debate, template: str, subject: str, label: int, rng: random.Random) -> Pair:
    text = template.format(s=subject[:1].upper() + subject[1:], s_lower=subject, actor=debate.actor,
                           gain=debate.gain, cost=debate.cost)
    opener = rng.choice(OPENERS) if not template.startswith("{actor}") else ""
    if opener:
        proper = template.startswith("{s}") and subject[:1].isupper()
        text = opener + (text if proper else text[:1].lower() + text[1:])
    asked = debate.question if rng.random() < 0.5 else debate.target
    return Pair(asked, text, "stance", label, "synthetic:" + debate.question)
