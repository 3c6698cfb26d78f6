"""The project's vocabularies as rdflib namespaces: the ontology terms and the IRI bases."""
from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, XSD, DefinedNamespace

BASE = "https://w3id.org/regional-kg/"


class KG(DefinedNamespace):
    """Terms of ontology/kg.ttl."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # what extraction finds: ordered collections of the entity types and the stated relations
    EntityTypes: URIRef
    StatedRelations: URIRef
    # classes
    Organisation: URIRef
    Project: URIRef
    Strategy: URIRef
    FundingSource: URIRef
    Document: URIRef
    Evidence: URIRef
    Mention: URIRef
    CoParticipation: URIRef
    # the eight stated relations
    participatesIn: URIRef
    leads: URIRef
    fundedBy: URIRef
    implements: URIRef
    responsibleFor: URIRef
    manages: URIRef
    partOf: URIRef
    collaboratesWith: URIRef
    # provenance and derived facts
    mentionedIn: URIRef
    refersTo: URIRef
    line: URIRef
    text: URIRef
    quote: URIRef
    extractor: URIRef
    confidence: URIRef
    sourcePath: URIRef
    year: URIRef
    actor: URIRef
    viaProject: URIRef
    weight: URIRef


ID = Namespace(BASE + "id/")  # entities: id/<type>/<slug>
DOC = Namespace(BASE + "doc/")  # documents: doc/<content hash>
EVIDENCE = Namespace(BASE + "evidence/")
MENTION = Namespace(BASE + "mention/")
DERIVED = Namespace(BASE + "derived/")
EURIO = Namespace("http://data.europa.eu/s66#")

class KGD(DefinedNamespace):
    """Values `kg analyze` derives from the network's structure (centrality, communities, brokers).

    No report states them: every term of this namespace marks a computed value. They are written to
    ``derived.ttl`` in the build folder, apart from the extracted graph.ttl.
    """

    _NS = Namespace(BASE + "derived#")
    _fail = True

    Analysis: URIRef  # the run that computed the values (a prov:Activity)
    Community: URIRef
    method: URIRef  # how communities were found ("leiden" or "louvain")
    degree: URIRef  # relations of an entity (any direction, any predicate)
    degreeCentrality: URIRef
    betweenness: URIRef  # betweenness centrality in the entity network
    community: URIRef  # the entity's community
    size: URIRef  # members of a community
    communitiesTouched: URIRef  # communities among an entity and its neighbours
    participation: URIRef  # participation coefficient: 0 = all links in one community
    broker: URIRef  # true: links communities
    partners: URIRef  # organisations it shares a project or relation with (organisation projection)
    projectionBetweenness: URIRef  # betweenness in the organisation projection


# The one prefix table: bound in the built graph, predefined in `kg query`/`kg ask`/`kg serve`, used to shorten
# IRIs in `kg validate` and as the JSON-LD context of exports. Order matters only for display.
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "id": str(ID),
    "doc": str(DOC),
    "ev": str(EVIDENCE),
    "mention": str(MENTION),
    "derived": str(DERIVED),
    "kgd": str(KGD._NS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "owl": str(OWL),
    "org": str(ORG),
    "sh": str(SH),
}
ONTOLOGY_GRAPH = BASE + "ontology"  # the named graph holding ontology/kg.ttl in a store
DERIVED_GRAPH = BASE + "derived"  # the named graph holding what `kg analyze` computed (kgd: values)
