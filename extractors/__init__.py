"""Extractors: text normalisation, the spaCy pipeline, entity resolution and relations."""
from ontology import extraction_terms

# The four entity types, the eight stated relations and their domain and range types, as ontology/kg.ttl
# defines them (kg:EntityTypes, kg:StatedRelations, rdfs:domain / rdfs:range).
TYPES, PREDICATES, SIGNATURE = extraction_terms()
