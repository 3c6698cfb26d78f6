"""Extractors: text normalisation, the spaCy pipeline, entity resolution and relations."""
TYPES = ("Organisation", "Project", "Strategy", "FundingSource")
PREDICATES = ("participatesIn", "leads", "fundedBy", "implements",
              "responsibleFor", "manages", "partOf", "collaboratesWith")
# Domain and range types of each predicate (as in ontology/kg.ttl and the gold SCHEMA).
SIGNATURE = {
    "participatesIn": ({"Organisation"}, {"Project"}),
    "leads": ({"Organisation"}, {"Project"}),
    "fundedBy": ({"Project"}, {"FundingSource", "Organisation"}),
    "implements": ({"Project"}, {"Strategy"}),
    "responsibleFor": ({"Organisation"}, {"Strategy"}),
    "manages": ({"Organisation"}, {"FundingSource"}),
    "partOf": ({"Organisation"}, {"Organisation"}),
    "collaboratesWith": ({"Organisation"}, {"Organisation"}),
}
