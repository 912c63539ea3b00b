#!/usr/bin/env python3
"""A national membership export as membership systems write it, for bench/national.sh.

650 CLPs with about 14 wards each (about 9,100), N members (default 500,000), about 10% under 27 and some minors
without guardian details, and the mess real files have: headers in words, CLPs and wards by name (and sometimes by
code), postcodes in any case and spacing, UK dates, a BOM and CRLF, the same member twice, a bad date now and then.
Writes places.tsv (code, name, ward code, ward name) and members.csv into the given directory. Deterministic (seeded).
"""
import random
import sys
from datetime import date, timedelta

out, rows = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 500_000
rnd = random.Random(650)
TOWNS = ["North", "South", "East", "West", "Upper", "Lower", "Great", "Little", "Old", "New"]
STEMS = ["field", "ham", "ton", "bury", "ford", "ley", "wick", "worth", "stow", "mouth", "bridge", "combe", "dale"]
# Names as a national list has them: a few very common (Smith is about 1.2% of people in Great Britain, the 100 most
# common surnames about a fifth), then a long tail of rarer ones; some with accents and apostrophes.
FIRST = ["Olivia", "Jack", "Amelia", "Oliver", "Isla", "Harry", "Emily", "George", "Ava", "Noah", "Sophie", "Mohammed",
         "Grace", "Charlie", "Ella", "Jacob", "Mia", "Thomas", "Lily", "James", "Chloë", "Daniel", "Zoë", "Joseph",
         "Siobhán", "Samuel", "Aoife", "Ethan", "Niamh", "Dylan", "Priya", "Arjun", "Fatima", "Ali", "Ayesha", "Omar",
         "Chidi", "Kofi", "Amara", "Tunde", "Hannah", "Rhys", "Ffion", "Iwan", "Seren", "Cerys", "Gareth", "Bethan",
         "Sean", "Ciarán", "Renée", "José", "Zofia", "Piotr", "Agnieszka", "Tomasz", "Anna", "Ben", "Cara", "Dev",
         "Finn", "Gita", "Hal", "Ines", "Jo", "Lena", "Mo", "Nia", "Ruth", "Margaret", "Susan", "David", "John",
         "Peter", "Paul", "Mark", "Helen", "Sarah", "Claire", "Rachel", "Ian", "Alan", "Keith", "Janet", "Carol"]
COMMON_LAST = ["Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson",
               "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall",
               "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward",
               "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott",
               "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly",
               "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox",
               "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson",
               "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell",
               "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell",
               "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", "O'Neil", "Müller", "Ahmed"]
# The long tail: made-up surnames from English place-name parts, several thousand of them.
LAST_TAIL = sorted({a + b for a in ["Ash", "Brad", "Carr", "Dun", "Elm", "Fair", "Grim", "Hart", "Kings", "Lang",
                                   "Mar", "Nor", "Pen", "Rad", "Shel", "Thorn", "Wal", "Whit", "Wins", "Yar",
                                   "Bram", "Crow", "Dal", "Faw", "Gos", "Hal", "Ick", "Lid", "Mor", "Ock"]
                    for b in ["ley", "ton", "wood", "field", "ford", "by", "well", "combe", "worth", "ham", "more",
                              "stead", "wick", "bury", "cott", "den", "hurst", "low", "wright", "thwaite"]}
                   | {a + b + c for a in ["Ash", "Brad", "Carr", "Dun", "Fair", "Hart", "Mar", "Pen", "Thorn", "Whit",
                                          "Bram", "Crow", "Gos", "Lid", "Ock", "Rad"]
                      for b in ["en", "er", "ing", "by", "le"] for c in ["ton", "ley", "ham", "ford", "wood"]})
# Zipf weights: the k-th most common surname about 1.2% / k of people; the tail shares the remaining people evenly.
LAST_WEIGHTS = [0.012 / (k + 1) ** 0.75 for k in range(len(COMMON_LAST))]
FIRST_WEIGHTS = [1 / (k + 1) ** 0.6 for k in range(len(FIRST))]
TAIL_SHARE = 1 - sum(LAST_WEIGHTS)


def surname():
    if rnd.random() < TAIL_SHARE:
        return rnd.choice(LAST_TAIL)
    return rnd.choices(COMMON_LAST, LAST_WEIGHTS)[0]


today = date.today()

clps = []
for i in range(650):
    name = f"{rnd.choice(TOWNS)} {rnd.choice(TOWNS)}{rnd.choice(STEMS)} and {rnd.choice(STEMS).title()}{i}"
    code = f"N{i:03d}"
    wards = [(f"{code}-W{j:02d}", f"{rnd.choice(TOWNS)} {rnd.choice(STEMS).title()} {j}") for j in range(rnd.randint(10, 18))]
    clps.append((code, name, wards))

with open(f"{out}/places.tsv", "w") as f:
    for code, name, wards in clps:
        for wcode, wname in wards:
            f.write(f"{code}\t{name}\t{wcode}\t{wname}\n")


def postcode():
    pc = f"{rnd.choice('ABCEGHKLMNPRSTW')}{rnd.choice('ABCDEHLMNRSTW')}{rnd.randint(1, 29)}{rnd.randint(1, 9)}" \
         f"{rnd.choice('ABDEFGHJLNPQRSTUWXYZ')}{rnd.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    style = rnd.random()
    if style < 0.3:
        return pc.lower()
    if style < 0.5:
        return pc[:-3] + "  " + pc[-3:]
    return pc[:-3] + " " + pc[-3:]


def email(first, last, n):
    """Addresses as people have them: mostly made of their names, some not at all."""
    local = f"{first}.{last}" if rnd.random() < 0.6 else f"{first[0]}{last}{n % 97}" if rnd.random() < 0.6 else f"m{n}"
    return local.lower().replace("'", "").replace(" ", "") + "@" + rnd.choice(["example.org", "example.com", "mail.example.net"])


with open(f"{out}/members.csv", "w", encoding="utf-8", newline="") as f:
    f.write("\ufeffMembership Number,First Name,Surname,Email Address,Mobile,Postcode,Date of Birth,Constituency,"
            "Branch,Status,Date Joined\r\n")
    for n in range(rows):
        code, name, wards = clps[n % 650]
        wcode, wname = rnd.choice(wards)
        r = rnd.random()
        age = rnd.randint(14, 17) if r < 0.01 else rnd.randint(18, 26) if r < 0.10 else rnd.randint(27, 90)
        born = today - timedelta(days=age * 365 + rnd.randint(30, 330))
        dob = born.strftime("%d/%m/%Y") if rnd.random() > 0.002 else "31/02/1980"
        clp = name.upper() if rnd.random() < 0.4 else name if rnd.random() < 0.7 else code
        ward = wname.upper() if rnd.random() < 0.5 else wname + " Ward"
        number = f"L{n:07d}" if rnd.random() > 0.005 else f"L{max(0, n - 1):07d}"
        first, last = rnd.choices(FIRST, FIRST_WEIGHTS)[0], surname()
        last_cell = f'"{last}"' if "'" in last else last
        # Joined at 14 or later (the party's minimum age), up to 11 years ago.
        since_14 = (today - born).days - 14 * 366
        joined = (today - timedelta(days=rnd.randint(0, max(0, min(4000, since_14))))).strftime("%d/%m/%Y")
        f.write(f"{number},{first},{last_cell},{email(first, last, n)},07700 {n % 1000000:06d},{postcode()},{dob},"
                f"\"{clp}\",{ward},{'active' if rnd.random() > 0.05 else 'lapsed'},{joined}\r\n")
