"""Information pages about Plug In: the About page (`om-plug-in`, shown at /om/) and the pages it lists.

The texts come from the seeds: SKR's article of 28 October 2022 (its paragraphs are shared with
that news item, see news.py), the Plug In presentation of the East Sweden Region, the English
About page and Region Östergötland's page. The seeds give the success factors and the three
levels of preventive work only as headings over pictures, so those pages hold what the text says
and no list of their own.

One page is the site's own, not the seeds': "Så bedömer vi evidens" (EVIDENCE), which says what
the method bank's scales mean (methods/models.py: EvidenceRating, CostLevel). It states the
site's way of rating, not a fact about any method; the methods shows it at /metoder/evidens/.
"""

ABOUT_SLUG = "om-plug-in"

# Paragraphs of SKR's article "Plug In minskar studieavbrotten på gymnasiet" (28 October 2022).
OVERVIEW = {
    "sv": (
        "Mellan 2012 och 2018 drev SKR metod- och strukturpåverkansprojektet Plug In, "
        "tillsammans med åtta regioner."
    ),
    "en": (
        "Between 2012 and 2018, the Swedish Association of Local Authorities and Regions (SKR) "
        "ran Plug In, a project to develop methods and influence structures, together with eight "
        "regions."
    ),
}
REACH = {
    "sv": (
        "Drygt 70 kommuner ingick i projektet. Ambitionen var att uppnå strategisk påverkan både "
        "nationellt och internationellt. På lokal nivå spelade projektet också så klart en positiv "
        "roll i enskilda ungdomars liv. Mer än 10 000 ungdomar nåddes under projekttiden. "
        "Projektet visade att det finns effektiva metoder och arbetssätt som fungerar för att "
        "minska frånvaro och studieavbrott i skolan."
    ),
    "en": (
        "Just over 70 municipalities took part in the project. The ambition was to achieve "
        "strategic influence both nationally and internationally. At local level, the project "
        "naturally also played a positive role in the lives of individual young people. More than "
        "10,000 young people were reached during the project. The project showed that there are "
        "effective methods and ways of working that reduce absence and dropping out of school."
    ),
}
SUCCESS_FACTORS = {
    "sv": (
        "Under den första perioden av projektet Plug In (2012–2015) identifierades en rad "
        "framgångsfaktorer i arbetet med att motverka studieavbrott."
    ),
    "en": (
        "During the first period of the Plug In project (2012–2015), a number of success factors "
        "were identified in the work to prevent dropping out."
    ),
}
LEVELS = {
    "sv": (
        "Utifrån de fallstudier som gjorts i den andra delen av projektet (Plug In 2.0) blev det "
        "tydligt att ett effektivt förebyggande arbete kräver insatser på flera nivåer, både på "
        "individnivå, såsom att identifiera riskfaktorer, följa upp viktiga indikatorer och snabbt "
        "vidta åtgärder. Men också generella insatser, som att arbeta med trygghet, inkludering "
        "och positiva relationer mellan elever och skolpersonal."
    ),
    "en": (
        "The case studies made in the second part of the project (Plug In 2.0) made it clear that "
        "effective preventive work requires measures at several levels: at the individual level, "
        "such as identifying risk factors, following up important indicators and taking action "
        "quickly, but also general measures, such as working with safety, inclusion and positive "
        "relationships between students and school staff."
    ),
}
FIRST_PART = {
    "sv": (
        "Första delen av projektet pågick från februari 2012 till juni 2015. Under de tre "
        "projektåren deltog över 7 700 ungdomar som avbrutit sina gymnasiestudier eller var i "
        "riskzonen för att göra det."
    ),
    "en": (
        "The first part of the project ran from February 2012 to June 2015. Over the three project "
        "years, more than 7,700 young people took part who had dropped out of upper secondary "
        "school or were at risk of doing so."
    ),
}
SECOND_PART = {
    "sv": (
        "Hösten 2015 startade Plug In 2.0, som en direkt fortsättning på Plug In. Huvudfokus i det "
        "efterföljande projektet var att arbeta vidare med och utveckla de områden som i Plug In "
        "identifierats som framgångsfaktorer och därigenom höja kvalitén i gymnasieskolan så att "
        "fler elever slutför sina studier. Målsättningen var att sprida medvetenhet och kunskap om "
        "avbrottsproblematiken och bidra till strategisk påverkan både nationellt och "
        "internationellt."
    ),
    "en": (
        "In autumn 2015, Plug In 2.0 started as a direct continuation of Plug In. The main focus of "
        "the follow-up project was to continue working with and developing the areas that Plug In "
        "had identified as success factors, and thereby to raise the quality of upper secondary "
        "school so that more students complete their studies. The aim was to spread awareness and "
        "knowledge of the dropout problem and to contribute to strategic influence both nationally "
        "and internationally."
    ),
}
SECOND_PART_END = {
    "sv": (
        "Plug In 2.0 pågick fram till årsskiftet 2018. Totalt deltog 3 000 ungdomar spritt över "
        "ett 40-tal kommuner under projekttiden."
    ),
    "en": (
        "Plug In 2.0 ran until the end of 2018. In total, 3,000 young people in some 40 "
        "municipalities took part during the project."
    ),
}
FUNDING = {
    "sv": (
        "Båda delarna av projektet finansierades av Europeiska socialfonden (ESF), med "
        "medfinansiering från medverkande kommuner och regioner."
    ),
    "en": (
        "Both parts of the project were financed by the European Social Fund (ESF), with "
        "co-financing from the participating municipalities and regions."
    ),
}

# The partners are those of the presentation's "Partnership" slide; its Swedish text names
# "Region Västernorrland och Region Östman" instead, but the slide, the ÖSTSAM logo beside it and
# the news of a conference with Region Västerbotten agree.
PARTNERS = {
    "sv": (
        "Plug In var till hälften finansierat av Europeiska socialfonden (ESF) och leddes och "
        "samordnades av Sveriges Kommuner och Landsting (SKL) i samverkan med Göteborgsregionens "
        "kommunalförbund, Region Jämtland, Regionförbunden i Kalmar län och södra Småland, Region "
        "Västerbotten och Regionförbundet Östsam."
    ),
    "en": (
        "Plug In was half financed by the European Social Fund (ESF), and managed and coordinated "
        "by the Swedish Association of Local Authorities and Regions (SKL) in partnership with the "
        "Gothenburg Region Association of Local Authorities, Region Jämtland, the Regional "
        "Associations of Kalmar County and Southern Småland, Region Västerbotten and the Regional "
        "Association Östsam."
    ),
}

EVIDENCE = {
    "slug": "sa-bedomer-vi-evidens",
    "title_sv": "Så bedömer vi evidens",
    "title_en": "How we assess evidence",
    "summary_sv": (
        "Vad nivåerna betyder när metodbanken bedömer en metods vetenskapliga grund, dess "
        "beprövade erfarenhet och dess kostnad."
    ),
    "summary_en": (
        "What the levels mean when the method bank rates a method's scientific basis, its "
        "proven experience and its cost."
    ),
    "body_sv": """Varje metod i metodbanken bedöms på två skalor för evidens, vetenskaplig grund och beprövad erfarenhet, och på en skala för kostnad. En bedömning gäller metoden som den beskrivs i metodbanken. Under bedömningen på metodens sida står de publikationer i forskningsbiblioteket som den bygger på.

## Vetenskaplig grund

Hur väl forskning stöder att metoden ger avsedd effekt.

- **Hög:** flera studier av god kvalitet, eller en systematisk kunskapsöversikt, visar att metoden eller en mycket likartad metod ger avsedd effekt.
- **Måttlig:** minst en studie av god kvalitet visar effekt, men underlaget är begränsat eller resultaten går delvis isär.
- **Låg:** forskningen stöder metodens idé eller dess verksamma delar, men metoden själv är inte studerad, eller studierna har brister.
- **Ej bedömd:** redaktionen har ännu inte bedömt forskningen om metoden. Det säger ingenting om metodens effekt.

## Beprövad erfarenhet

Hur väl dokumenterad erfarenhet av att använda metoden stöder den: erfarenhet som är prövad under en längre tid, dokumenterad och delad av flera verksamheter.

- **Hög:** metoden har använts i flera kommuner eller skolor under flera år, och resultaten är dokumenterade och uppföljda.
- **Måttlig:** metoden har använts och följts upp på mer än ett ställe eller under mer än ett läsår.
- **Låg:** metoden har prövats på ett ställe eller under kort tid, och erfarenheterna är dokumenterade.
- **Ej bedömd:** redaktionen har ännu inte bedömt erfarenheterna av metoden.

## Kostnad

Vad det kostar att komma i gång med och driva metoden, utöver verksamhetens ordinarie resurser.

- **Låg:** ryms i stort sett inom befintlig personal och budget.
- **Måttlig:** kräver viss extra tid, utbildning eller inköp.
- **Hög:** kräver ny personal, större utbildningsinsatser eller extern finansiering.

När redaktionen inte känner till kostnaden står det ”Uppgift saknas”.""",
    "body_en": """Every method in the method bank is rated on two scales of evidence, scientific basis and proven experience, and on a scale of cost. A rating applies to the method as the method bank describes it. Below the rating on the method's page are the publications of the research library it rests on.

## Scientific basis

How well research supports that the method has the intended effect.

- **High:** several studies of good quality, or a systematic review, show that the method or a very similar one has the intended effect.
- **Moderate:** at least one study of good quality shows an effect, but the evidence is limited or the results partly disagree.
- **Low:** research supports the method's idea or its active parts, but the method itself has not been studied, or the studies have weaknesses.
- **Not assessed:** the editors have not yet assessed the research on the method. This says nothing about the method's effect.

## Proven experience

How well documented experience of using the method supports it: experience that has been tried over a long time, documented and shared by several organisations.

- **High:** the method has been used in several municipalities or schools for several years, and the results are documented and followed up.
- **Moderate:** the method has been used and followed up in more than one place or for more than one school year.
- **Low:** the method has been tried in one place or for a short time, and the experience is documented.
- **Not assessed:** the editors have not yet assessed the experience of the method.

## Cost

What it costs to start and run the method, beyond the organisation's ordinary resources.

- **Low:** fits largely within existing staff and budget.
- **Moderate:** needs some extra time, training or purchases.
- **High:** needs new staff, substantial training or outside funding.

Where the editors do not know the cost, the method says “Not stated”.""",
}


ITEMS = [
    {
        "slug": ABOUT_SLUG,
        # The partners' counties: Västra Götaland, Jämtland, Kalmar, Kronoberg (Southern
        # Småland), Västerbotten and Östergötland.
        "regions": ["05", "07", "08", "14", "23", "24"],
        "title_sv": "Om Plug In",
        "title_en": "About Plug In",
        "summary_sv": (
            "Plug In – Sveriges största samverkansprojekt för att förhindra studieavbrott i "
            "gymnasieskolan."
        ),
        "summary_en": (
            "Plug In – Sweden's largest collaborative project to prevent early school leaving at "
            "upper secondary level."
        ),
        "body_sv": f"""**Det här fungerar!** Vi höjer kvaliteten i gymnasieskolan, och därmed andelen elever som tar examen, genom att arbeta utifrån beprövade framgångsfaktorer.

{OVERVIEW["sv"]} {REACH["sv"]}

## Bakgrund

I Sverige finns ett stort antal elever som har hög frånvaro och som lämnar gymnasieskolan utan slutbetyg med grundläggande behörighet. På sikt riskerar många av dessa elever att hamna i utanförskap, utan förankring på arbetsmarknaden.

Plug In redovisade resultaten fem år efter studiestart för de elever som började gymnasieskolan 2008: behöriga, inte behöriga och utan slutbetyg. 33 procent av eleverna i Sverige når inte ett slutbetyg med grundläggande behörighet för högre studier.

## Plug In 2012–2015

{FIRST_PART["sv"]}

{PARTNERS["sv"]}

- 55 kommuner
- 100 insatsmetoder
- Löpande utvärdering

## Plug In 2.0

{SECOND_PART["sv"]}

Plug In 2.0 riktade sig till unga mellan 15 och 24 år som riskerade att avbryta eller att inte påbörja sina gymnasiestudier, eller som redan hade avbrutit dem.

{SECOND_PART_END["sv"]}

## Finansiering

{FUNDING["sv"]}

## Syfte och mål

- Att halvera andelen elever som inte fullföljer sin gymnasieutbildning inom fyra år i de deltagande regionerna.
- Ett underordnat mål är att minska arbetslösheten bland unga.

Det övergripande målet för Plug In 2.0 var att höja kvaliteten i gymnasieskolan så att fler unga tar gymnasieexamen och till slut får bättre möjligheter att få ett arbete. Projektet skulle också leda till färre avbrott i de deltagande gymnasieskolorna, och antalet elever som är behöriga till gymnasieskolan skulle öka i de deltagande skolorna.

## PlugInnovation

PlugInnovation är en digital plattform där kunskap som är central för personer som arbetar med att motverka studieavbrott samlas. Ta del av framgångsfaktorer och forskning på området och inspireras av hur kommuner som medverkar i projektet Plug In 2.0 arbetar för att minska skolfrånvaro och stötta unga att återgå till studier eller annan sysselsättning.

PlugInnovation är ett nationellt kunskapskluster och en plattform där forskning, metoder, statistik och innovationer som är kopplade till frågan om avbrott i skolan samlas. Syftet är att verka för metodutveckling, kunskapsökning och strukturell påverkan och därigenom bidra till att fler elever fullföljer sina gymnasiestudier. PlugInnovation utvecklas inom ramen för projektet Plug In.""",
        "body_en": f"""**This works!** We improve the quality of upper secondary school education, and thus graduation rates, by working on the basis of proven success factors.

{OVERVIEW["en"]} {REACH["en"]}

## Background

In Sweden, a large number of students have a high level of absence and leave upper secondary school without a leaving certificate with basic eligibility. In the long run, many of these students risk ending up excluded, without a foothold in the labour market.

Plug In presented the results five years after the start of school for the students who entered upper secondary school in 2008: qualified, not qualified and no final grade. 33% of the students in Sweden do not achieve a diploma with basic qualifications for higher education.

## Plug In 2012–2015

{FIRST_PART["en"]}

{PARTNERS["en"]}

- 55 municipalities
- 100 intervention methods
- Continuous assessment

## Plug In 2.0

{SECOND_PART["en"]}

Plug In 2.0 targeted young people between 15 and 24 who were at risk of dropping out of or of not starting upper secondary education, or who had already dropped out.

{SECOND_PART_END["en"]}

## Financing

{FUNDING["en"]}

## Purpose and aims

- To halve the proportion of students who do not complete their upper secondary education within four years in the participating regions.
- A subordinate objective is to reduce unemployment among young people.

The overall aim of Plug In 2.0 was to increase the quality of upper secondary school so that more young people receive an upper secondary diploma and, in the end, have better chances of getting a job. The project was also to reduce dropping out in the participating upper secondary schools and to increase the number of students qualified for upper secondary school in the participating schools.

## PlugInnovation

PlugInnovation is a digital platform that gathers knowledge central to people working to prevent dropping out. Learn about success factors and research in the field, and find inspiration in how the municipalities taking part in Plug In 2.0 work to reduce school absence and to support young people in returning to their studies or to other occupations.

PlugInnovation is a national knowledge cluster and a platform that gathers research, methods, statistics and innovations connected to dropping out of school. Its purpose is to further the development of methods, increase knowledge and influence structures, and thereby help more students to complete upper secondary school. PlugInnovation is developed within the Plug In project.""",
    },
    {
        "slug": "framgangsfaktorer",
        "title_sv": "Framgångsfaktorer",
        "title_en": "Success factors",
        "summary_sv": SUCCESS_FACTORS["sv"],
        "summary_en": SUCCESS_FACTORS["en"],
        "body_sv": SECOND_PART["sv"],
        "body_en": SECOND_PART["en"],
    },
    {
        "slug": "tre-nivaer-av-forebyggande-arbete",
        "related": ["plug-in-partille-porten", "plug-in-ljungby", "plug-in-harryda"],
        "title_sv": "Tre nivåer av förebyggande arbete i Plug In",
        "title_en": "Three levels of preventive work in Plug In",
        "summary_sv": "Ett effektivt förebyggande arbete kräver insatser på flera nivåer.",
        "summary_en": "Effective preventive work requires measures at several levels.",
        "body_sv": LEVELS["sv"],
        "body_en": LEVELS["en"],
    },
    {
        "slug": "typer-av-insatser",
        "title_sv": "Typer av insatser",
        "title_en": "Types of intervention",
        "summary_sv": "De typer av insatser som Plug In arbetar med för att förhindra studieavbrott.",
        "summary_en": "The types of intervention Plug In works with to prevent early school leaving.",
        "body_sv": """- Mentorskap/coachning
- Identifiering och kartläggning av elever i riskzonen
- Övergångar mellan skolformer (grundskola/gymnasieskola)
- Uppföljning av unga med hög frånvaro
- Olika metoder för att stärka självkänslan
- Motiverande samtal
- Studiestöd
- Helhetsstöd (studiemässigt och socioemotionellt)""",
        "body_en": """- Mentorship/coaching
- Identification and surveying of at-risk students
- School transition (compulsory/upper secondary)
- Follow-up of young people with high absence
- Different methods to increase self-esteem
- Motivational interviewing
- Academic support
- Holistic support models (academic and socio-emotional)""",
    },
    {
        "slug": "metodbanken",
        "title_sv": "Metodbanken",
        "title_en": "Bank of intervention methods",
        "summary_sv": "Vad Plug In:s bank av metoder för att förhindra studieavbrott ska åstadkomma.",
        "summary_en": "What Plug In's bank of methods to prevent dropping out sets out to do.",
        "body_sv": """- Identifiera och samla en ”bank av metoder/aktiviteter” med insatser för att förebygga studieavbrott och för att återföra elever som har avbrutit sina studier
- Sprida information och utbyta kunskap kring frågan om studieavbrott
- Identifiera vilka insatser som verkar vara effektiva för vem (målgruppens egenskaper, sammanhang, typ av aktiviteter och omfattning)""",
        "body_en": """- Identify and collect a ”bank of methods/activities” of interventions to prevent dropping out and to bring back students who have dropped out
- Disseminate information and exchange knowledge around the issue of dropping out
- Identify which interventions seem to be effective for whom (target group characteristics, context, types of activities and scope)""",
    },
    {
        "slug": "plug-in-i-ostergotland",
        "regions": ["05"],
        # The municipalities the presentation names (Tranås lies in Jönköping County).
        "municipalities": [
            "0580",
            "0581",
            "0582",
            "0562",
            "0563",
            "0583",
            "0513",
            "0512",
            "0509",
            "0560",
            "0687",
        ],
        "title_sv": "Plug In i Östergötland",
        "title_en": "Plug In in Östergötland",
        "summary_sv": (
            "Region Östergötland har som mål att fler elever ska lyckas med sina studier och få en "
            "gymnasieexamen."
        ),
        "summary_en": (
            "Region Östergötland has set out to ensure that more students should be successful "
            "with their studies and receive an upper secondary school leaving certificate."
        ),
        "body_sv": """Region Östergötland initierade och genomförde, i samarbete med regionens kommuner, projektet Plug In under 2012. Det är en nationell satsning som finansieras av Europeiska socialfonden och leds av Sveriges Kommuner och Landsting (SKL).

Hösten 2015 startade projektets andra del, Plug In 2.0, som riktar sig till unga mellan 15 och 24 år som riskerar att avbryta eller att inte påbörja sina gymnasiestudier, eller som redan har avbrutit dem. Det övergripande målet är att höja kvaliteten i gymnasieskolan så att fler unga tar gymnasieexamen och till slut får bättre möjligheter att få ett arbete. Projektet ska också leda till färre avbrott i de deltagande gymnasieskolorna, och antalet elever som är behöriga till gymnasieskolan ska öka i de deltagande skolorna.

Fyra kommuner i Östergötland ansvarar för så kallade ”utvecklingsverkstäder” inom projektet under läsåret 2015/2016. De består av olika aktiviteter som syftar till att utveckla framgångsrika metoder och modeller som bidrar till att förebygga studiemisslyckanden och avbrott från gymnasieskolan. Ett exempel är att utveckla arbetssätt i gymnasieskolan där kommunens socialtjänst och skola samverkar för att minska elevernas frånvaro, ett annat att utveckla samverkan mellan skola och arbetsliv. Metoderna och verkstäderna utgår från skolans vardag och hittar lösningar med stöd i vetenskaplig forskning och beprövad erfarenhet.

På PlugInnovation.se hittar du mer information om framgångsrika metoder och modeller. PlugInnovation.se är en nationell plattform för att förhindra avbrott från gymnasieskolan. Här hittar du aktuell forskning på området och de resultat som uppnåddes i Plug In 1.0.

## Kommunerna i Östergötland

Här i Östergötland har kommunerna Linköping, Norrköping, Söderköping, Finspång, Valdemarsvik, Motala, Kinda, Ydre, Ödeshög, Boxholm och Tranås engagerat sig i projektet.

## Kontakt

- Malin Thunborg, enhetschef för enheten för tillväxt, Region Östergötland, 010-103 65 30
- Lars-Inge Jonsson, projektledare, Region Östergötland""",
        "body_en": """Region Östergötland, in cooperation with the region's municipalities, initiated and implemented the project Plug In during 2012. This is a national initiative financed by the European Social Fund and led by the Swedish Association of Local Authorities and Regions (SALAR).

In autumn 2015, Part 2 of the project started, Plug In 2.0, which targets young people between 15 and 24 who are at risk of terminating or of not starting their upper secondary education or have already terminated their studies. The overall aim is to increase the quality within upper secondary school so that more young people will receive a high school diploma and finally have better chances of getting a job. The project will also result in a decrease in drop-outs in the participating upper secondary schools, and the number of students qualified for upper secondary school should increase in the participating schools.

Four municipalities in Östergötland are responsible for so-called “development workshops” within the project during the academic year 2015/2016. They consist of various activities aimed at developing successful methods and models which contribute to the prevention of study failure and dropping out of upper secondary school. One example is to develop working methods in the upper secondary school in which the local social and education authorities cooperate to reduce student absenteeism; another is to develop cooperation between school and work. The methods and workshops are based on daily school life, and they find solutions through scientific research and proven experience.

On PlugInnovation.se you can find more information about successful methods and models. PlugInnovation.se is a national platform aimed at preventing dropping out of upper secondary school. Here you can find current research within this area and the results achieved in Plug In 1.0.

## The municipalities in Östergötland

Here in Östergötland, the municipalities of Linköping, Norrköping, Söderköping, Finspång, Valdemarsvik, Motala, Kinda, Ydre, Ödeshög, Boxholm and Tranås have become involved in the project.

## Contact

- Malin Thunborg, Head of the Growth Unit, Region Östergötland, 010-103 65 30
- Lars-Inge Jonsson, Project Manager, Region Östergötland (East Sweden Region)""",
    },
    EVIDENCE,
]
