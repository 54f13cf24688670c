"""Name pools for the generator: fictional people, never real persons.

Given names are common English (and some British Asian, Polish and West African) given
names; surnames are common surnames plus invented place-like surnames built from two parts
("Ashworth", "Thornby"), so that the tail of rare surnames is long as it is in real data.
Names are drawn independently, so any full name is a coincidence, not a person.
"""

from __future__ import annotations

MALE = tuple(
    """
    oliver george harry jack noah charlie jacob thomas oscar william james henry leo alfie
    joshua freddie archie ethan isaac alexander joseph edward samuel max daniel arthur lucas
    mohammed logan theo harrison benjamin mason sebastian finley adam dylan zachary riley teddy
    toby jake louie reuben harvey michael elliot luca tommy jude frederick david matthew john
    robert richard christopher anthony andrew mark paul steven kenneth peter stephen gary kevin
    ian jonathan nicholas patrick timothy philip lewis connor callum kieran ryan liam jordan
    craig dean lee wayne darren shaun carl scott ross jamie ben sam alex rohan arjun omar
    yusuf hamza bilal imran tariq usman kamran ravi sanjay vikram piotr jakub tomasz kamil
    lukasz chidi emeka tunde kwame kofi ade
    """.split()
)

FEMALE = tuple(
    """
    olivia amelia isla ava mia ivy lily isabella rosie sophia grace freya willow florence
    emily ella poppy evie charlotte elsie sophie daisy phoebe alice sienna matilda evelyn
    harper ruby eva millie jessica lucy esme scarlett chloe maisie layla imogen hannah zara
    katherine catherine elizabeth margaret mary sarah rebecca victoria jennifer susan deborah
    helen eleanor abigail samantha nicola caroline louise gemma zoe jacqueline josephine joanne
    patricia christine karen julie tracey lisa donna claire emma laura rachel natalie kelly
    amy stacey danielle jade leanne kirsty megan bethany courtney chelsea aisha fatima maryam
    amina zainab priya anjali pooja sunita kavita agnieszka magdalena katarzyna ewa zofia
    ngozi adaeze chioma amara folake abena
    """.split()
)

SURNAMES = tuple(
    """
    smith jones taylor brown williams wilson johnson davies robinson wright thompson evans
    walker white roberts green hall wood jackson clarke patel khan lewis james phillips mason
    mitchell rose davis rodriguez cox alexander morgan moore martin price clark harris lee
    turner hughes edwards hill scott cooper ward morris king baker harrison young allen
    anderson campbell kelly bennett carter shaw cook murphy bailey richardson collins graham
    adams marshall stewart ali hussain ahmed begum rahman akhtar shah iqbal mahmood butt
    singh kaur sharma gupta mistry parmar nowak kowalski wisniewski mensah okafor adeyemi
    obi owusu boateng lord holt nuttall sutcliffe haworth fielding ormerod pickup crabtree
    o'brien o'neill mcdonald mcleod fitzgerald
    """.split()
)

SURNAME_FIRST_PARTS = tuple(
    """
    ash birch black brad brook calder chad cran dal dun east elm fair fern gold gras green
    hal hart hazel heath hol kings lang lee lin marl mere mill moss nor oak ollers pen
    pilk red ridge rush shel shore stan stock thorn tod wal west whit wind wood wrex yar
    """.split()
)

SURNAME_SECOND_PARTS = tuple(
    """
    worth ley ton by ford field well wood ham bury stead cliffe dale hurst combe lock more
    shaw wick bridge brook thwaite den low side thorpe holme ridge stone gate
    """.split()
)


def invented_surnames() -> tuple[str, ...]:
    return tuple(a + b for a in SURNAME_FIRST_PARTS for b in SURNAME_SECOND_PARTS)


# Streets: invented names with common suffixes.
STREET_NAMES = tuple(
    """
    acorn alder ambleside appleby arden ashdown badger balmoral beech bracken bramble
    brookside buttercup calder carnforth cedar chestnut clover coniston cornflower cotton
    dale dovecote elmfield fernhill foxglove garden glebe granary hawthorn heather hollins
    juniper kestrel laburnum larch lavender linden maple meadow millstone moorland mulberry
    nettle orchard osprey pennine primrose quarry ribble rowan saxon sorrel spinney
    sycamore tanner teasel thistle willow wren yew
    """.split()
)
STREET_KINDS = ("street", "road", "lane", "close", "avenue", "drive", "way", "grove", "court")
