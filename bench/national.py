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
FIRST = ["Ann", "Ben", "Cara", "Dev", "Ella", "Finn", "Gita", "Hal", "Ines", "Jo", "Kofi", "Lena", "Mo", "Nia", "Zoë"]
LAST = ["Smith", "Jones", "Patel", "Khan", "O'Neil", "Williams", "Brown", "Taylor", "Müller", "Ahmed", "Evans"]
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
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        last_cell = f'"{last}"' if "'" in last else last
        joined = (today - timedelta(days=rnd.randint(30, 4000))).strftime("%d/%m/%Y")
        f.write(f"{number},{first},{last_cell},m{n}@example.org,07700 {n % 1000000:06d},{postcode()},{dob},"
                f"\"{clp}\",{ward},{'active' if rnd.random() > 0.05 else 'lapsed'},{joined}\r\n")
