"""Common English given-name variants and nicknames.

Our own small, curated list (written for Front Door from general knowledge of English naming;
not copied from any dataset). Each line is one group of names that can refer to the same
person. A name that appears in two groups joins them (so "chris" puts Christopher, Christine
and Christina together: the sex comparison tells them apart). Add groups here; keep them
lower case and already normalised.
"""

from __future__ import annotations

GROUPS: tuple[str, ...] = (
    "william bill billy will willy liam wills",
    "margaret peggy maggie meg megan madge marge margo greta daisy",
    "john jon jonathan johnny jack jonny jonty",
    "katherine catherine kathryn katharine kate katie kathy cathy kath cath kay kit kitty",
    "elizabeth liz lizzie lizzy beth betty bet bess bessie eliza libby elspeth lisa",
    "robert rob robbie bob bobby bert",
    "richard rich richie rick ricky dick dicky",
    "james jim jimmy jamie jem",
    "michael mike mikey mick micky mickey",
    "thomas tom tommy",
    "edward ed eddie ted teddy ned",
    "alexander alex alec sandy xander",
    "alexandra alex alexa lexi sandra sasha",
    "christopher chris topher",
    "christine christina chris chrissie tina kirsty kirsten",
    "daniel dan danny",
    "david dave davey",
    "joseph joe joey",
    "samuel sam sammy",
    "samantha sam sammie",
    "benjamin ben benny benji",
    "matthew matt matty",
    "anthony tony ant",
    "andrew andy drew",
    "nicholas nick nicky nico",
    "nicola nicole nicky nikki",
    "stephen steven steve stevie",
    "patrick pat paddy",
    "patricia pat patty trish tricia",
    "peter pete",
    "henry harry hal hank",
    "charles charlie chuck chas",
    "charlotte charlie lottie lotte",
    "frederick fred freddie freddy",
    "francis frank frankie",
    "frances fran frankie fanny",
    "gerald gerry jerry",
    "lawrence laurence larry laurie",
    "leonard leo len lenny",
    "timothy tim timmy",
    "philip phillip phil pip",
    "jacob jake",
    "joshua josh",
    "zachary zach zack",
    "oliver ollie olly",
    "isabella isabel isobel izzy bella",
    "rebecca becky becca bex",
    "victoria vicky vikki tori",
    "jennifer jenny jen jenna",
    "susan sue susie suzanne suzy",
    "deborah debra debbie deb",
    "dorothy dot dotty dolly",
    "mary molly polly mae may",
    "ann anne anna annie nan nancy hannah",
    "helen helena ellen nell nellie",
    "eleanor elinor ellie nora",
    "abigail abby abbie gail",
    "jessica jess jessie",
    "amelia amy millie emily",
    "sarah sara sally sadie",
    "caroline carol carrie lina",
    "louise louisa lou lulu",
    "gemma jemma",
    "zoe zoey",
    "jacqueline jackie jacky",
    "josephine jo josie jojo",
    "joanne joanna jo jo-anne",
    "kenneth ken kenny",
    "raymond ray",
    "ronald ron ronnie",
    "donald don donnie",
    "terence terry",
    "douglas doug dougie",
    "gregory greg",
    "jeffrey geoffrey jeff geoff",
    "mohammed muhammad mohammad mohamed muhammed mohamad",
    "aleksander aleksandr oleksandr",
)


def _build() -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for group in GROUPS:
        names = [n.replace("-", " ") for n in group.split()]
        for name in names:
            parent.setdefault(name, name)
        head = find(names[0])
        for name in names[1:]:
            root = find(name)
            if root != head:
                parent[root] = head
    # The canonical form of a group is its alphabetically first member, so it is stable
    # whatever order groups are listed in.
    members: dict[str, list[str]] = {}
    for name in parent:
        members.setdefault(find(name), []).append(name)
    canonical: dict[str, str] = {}
    for group_members in members.values():
        first = min(group_members)
        for name in group_members:
            canonical[name] = first
    return canonical


CANONICAL: dict[str, str] = _build()


def canonical_given_name(name: str) -> str:
    """The group a normalised given name belongs to ("bill" -> "bill" for William's group)."""
    return CANONICAL.get(name, name)


def are_variants(a: str, b: str) -> bool:
    return bool(a) and bool(b) and canonical_given_name(a) == canonical_given_name(b)
