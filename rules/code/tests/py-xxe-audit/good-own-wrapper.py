# The project's own XML module under lxml's usual name: its parse passes a parser built with
# resolve_entities=False, so the uploaded document's entities are never expanded.
from lxml.etree import XMLSchema

from geoservice import xml_util as etree


def validate_upload(data_input, schema_path):
    schema = XMLSchema(etree.parse(schema_path))
    return schema.validate(etree.parse(data_input.stream))
