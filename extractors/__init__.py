"""Extractors: text normalisation, the spaCy pipeline, entity resolution and relations."""
TYPES = ("Organisation", "Project", "Strategy", "FundingSource")
PREDICATES = ("participatesIn", "leads", "fundedBy", "implements",
              "responsibleFor", "manages", "partOf", "collaboratesWith")
