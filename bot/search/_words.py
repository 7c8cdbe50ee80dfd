"""Common English words: a query that is one of these (or two of them run together, as in
"superbad") is a word someone meant, never an initialism or a typo of another title.

The index's own title vocabulary is consulted too; this list covers the words a small
catalogue's titles may not hold ("rage", "con", "it"). It is data, kept short on purpose.
"""

from __future__ import annotations

_TEXT = """
a about above across act action actor add after again against age ago agree ahead aid
air alien all alone along already also always am among an and angel angry animal another
answer any anyone anything apart are area arm army around art as ask at away awful baby
back bad bag ball band bank bar base bat bay be beach bear beast beat beautiful bed bee
been beer before begin behind being bell below best bet better between big bike bill bird
bit bite black blade blind blood blow blue boat body bomb bond bone book boom born boss
both bottom box boy brain brave bread break bride bridge bright bring broken brother brown
bug build burn bus business busy but buy by cab cake call came camp can car card care case
cash cat catch caught cause cell chance change charge chase cheap check child city class
clean clear climb close club coat code cold come con cook cool cop core corn cost could
count country course court cover cow crash crazy crime cross crowd cry cup cut dad damn
dance danger dark date daughter day dead deal dear death deep den did die diet dig dinner
dirt dirty do doctor does dog doll done door double down dream dress drink drive drop drug
dry due dust duty each ear early earth east easy eat edge egg eight either else end enemy
enough enter escape even evening ever every evil exit eye face fact fade fail fair fake
fall family fan far farm fast fat father fear feel feet fell fellow few field fight file
fill film final find fine finger fire first fish fit five fix flag flat flight floor fly
follow food fool foot for force forest forever forget fork form four fox free fresh friend
from front fruit full fun funny game gang gap garden gas gate gave get ghost giant gift
girl give glad glass go god gold golden gone good got great green grey ground group grow
gun guy hair half hall hand hang happy hard harm has hat hate have he head hear heart heat
heaven heavy hell hello help her here hero hey hi hide high hill him his hit hold hole
home honey hope horse hot hotel hour house how huge human hunt hurt ice idea if ill in
inside into iron is island it item its jack jail job join joke joy judge jump jungle just
keep key kick kid kill kind king kiss kitchen knife know lady lake land large last late
laugh law lay lead leave left leg less let letter lie life light like line lion list
little live lock long look lord lose lost lot loud love low luck lucky lunch mad made
magic mail main make man many map mark market mask master match may me mean meet men
mess met middle might mile milk mind mine miss mix mom money monkey month moon more
morning most mother motor mountain mouse mouth move movie much mud music must my name
near neck need never new news next nice night nine no none noon nor north nose not note
nothing now number nurse nut oak ocean odd of off office oh oil ok okay old on once one
only open or order other our out over own pack page pain paint pair palace pan paper
park part party pass past path pay peace pen people pet phone pick picture pie piece pig
pin pink place plan plane plant play please plus pocket point police pool poor pop power
press pretty price prince prison private prize problem pull punch push put queen quick
quiet race rage rain raise ran rat raw read ready real red rest rich ride right ring rise
risk river road rock role roll roof room rose round row rule run rush sad safe said sail
salt same sand save saw say school sea season seat second secret see seed seem seen sell
send set seven sex shadow shake shall shark she ship shirt shoe shoot shop short shot
should show shut sick side sign silent silver simple since sing sister sit six size skin
sky sleep slow small smile smoke snake snow so soft soldier some son song soon sorry
soul sound soup south space speak speed spell spend spider spirit sport spot spring spy
square stage star start state station stay steal step stick still stone stop storm story
strange street strong student stuff such sugar summer sun super sure sweet swim table
tail take tale talk tall tank tape taste tax tea teach team tear teen tell ten test than
thank thanks that the their them then there these they thing think third this those
though three through throw tie tiger till time tiny to today together told tom tomorrow
tonight too took top touch tough tower town toy track train trap tree trick trip trouble
truck true trust truth try turn twin two ugly uncle under until up upon us use very view
village visit voice vote wait wake walk wall want war warm was wash watch water wave way
we weak wear weather week weird well went were west wet what wheel when where which
while white who whole why wide wife wild will win wind window wine winter wish with
without wolf woman women wonder wood word work world worm worry would wow write wrong
yard year yes yet you young your zero zone
afk asap brb btw fyi gg hmm hmmm idk imho imo irl lmao lol meh nah ngl np omg pls plz
rofl smh tbh thx ty wtf yay yeah yep
"""
COMMON_WORDS = frozenset(_TEXT.split())
