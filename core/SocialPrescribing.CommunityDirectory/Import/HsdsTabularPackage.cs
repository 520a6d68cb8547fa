using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sylvan.Data.Csv;
using SocialPrescribing.CommunityDirectory.Hsds;

namespace SocialPrescribing.CommunityDirectory.Import;

/// <summary>
/// The HSDS 3 tabular package (<c>services.csv</c>, <c>organizations.csv</c>, <c>service_at_location.csv</c>,
/// <c>locations.csv</c>… as a zip): each row of <c>services.csv</c> becomes one service document, with the rows of the
/// other tables that point to it nested the way the HSDS JSON nests them, so that the package is checked and imported
/// exactly as the same services sent as JSON would be. A table a package leaves out is empty; an empty cell is an
/// absent field; numbers and booleans are typed as the HSDS schemas say (a cell that does not read as its type is
/// kept as text, so that the check names it).
/// </summary>
public static class HsdsTabularPackage
{
    /// <summary>How many rows of all tables together a package may hold, so a hostile zip cannot exhaust memory.</summary>
    public const int MaxRows = 1_000_000;

    /// <summary>How many bytes of CSV, unzipped, a package may hold.</summary>
    public const long MaxUnzippedBytes = 512L * 1024 * 1024;

    /// <summary>The services of a zipped package, as a JSON array for <see cref="HsdsServiceReader"/>.</summary>
    /// <exception cref="HsdsFormatException">Not a zip, no <c>services.csv</c>, a table too large, or a malformed CSV.</exception>
    public static JsonElement Read(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var tables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            long unzipped = 0;
            foreach (var entry in archive.Entries.Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)))
            {
                unzipped += entry.Length;
                if (unzipped > MaxUnzippedBytes)
                {
                    throw new HsdsFormatException($"The package holds more than {MaxUnzippedBytes / (1024 * 1024)} MiB of CSV.");
                }

                using var reader = new StreamReader(entry.Open());
                tables[entry.Name] = reader.ReadToEnd();
            }
        }
        catch (InvalidDataException ex)
        {
            throw new HsdsFormatException($"Not a zip archive: {ex.Message}");
        }

        return Assemble(tables);
    }

    /// <summary>The services of a package whose tables are given by file name (<c>services.csv</c>) and CSV text.</summary>
    public static JsonElement Assemble(IReadOnlyDictionary<string, string> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var package = new Package(tables);
        if (!package.Has("service"))
        {
            throw new HsdsFormatException("An HSDS tabular package has a services.csv.");
        }

        var services = new JsonArray();
        foreach (var row in package.Rows("service"))
        {
            services.Add(package.Service(row));
        }

        return JsonSerializer.SerializeToElement(services);
    }

    /// <summary>The tables of one package, read and typed, with the nesting rules of the HSDS JSON.</summary>
    private sealed class Package
    {
        private readonly Dictionary<string, List<JsonObject>> _tables = new(StringComparer.Ordinal);

        /// <summary>Each table's rows by the value of one column, built once per table and column: a package of tens of thousands of services is then read in one pass over each table, not one per service.</summary>
        private readonly Dictionary<(string Schema, string Key), ILookup<string, JsonObject>> _byKey = [];

        public Package(IReadOnlyDictionary<string, string> files)
        {
            var rows = 0;
            foreach (var schema in HsdsSchemas.Names)
            {
                if (HsdsSchemas.TableOf(schema) is not { } file || !files.TryGetValue(file, out var csv))
                {
                    continue;
                }

                var table = ReadTable(schema, file, csv);
                rows += table.Count;
                if (rows > MaxRows)
                {
                    throw new HsdsFormatException($"The package holds more than {MaxRows} rows.");
                }

                _tables[schema] = table;
            }
        }

        public bool Has(string schema) => _tables.ContainsKey(schema);

        public List<JsonObject> Rows(string schema) => _tables.TryGetValue(schema, out var rows) ? rows : [];

        public JsonObject Service(JsonObject row)
        {
            var service = Copy(row);
            var id = Id(service);
            One(service, "organization", "organization", Text(service, "organization_id"));
            One(service, "program", "program", Text(service, "program_id"));
            Many(service, "phones", "phone", "service_id", id, Phone);
            Many(service, "schedules", "schedule", "service_id", id);
            Many(service, "service_areas", "service_area", "service_id", id);
            Many(service, "languages", "language", "service_id", id);
            Many(service, "cost_options", "cost_option", "service_id", id);
            Many(service, "funding", "funding", "service_id", id);
            Many(service, "contacts", "contact", "service_id", id, Contact);
            Many(service, "required_documents", "required_document", "service_id", id);
            Many(service, "attributes", "attribute", "link_id", id, Attribute);
            Many(service, "metadata", "metadata", "resource_id", id);
            Many(service, "service_at_locations", "service_at_location", "service_id", id, ServiceAtLocation);
            return service;
        }

        private JsonObject ServiceAtLocation(JsonObject serviceAtLocation)
        {
            var id = Id(serviceAtLocation);
            Many(serviceAtLocation, "phones", "phone", "service_at_location_id", id, Phone);
            Many(serviceAtLocation, "schedules", "schedule", "service_at_location_id", id);
            Many(serviceAtLocation, "contacts", "contact", "service_at_location_id", id, Contact);
            Many(serviceAtLocation, "attributes", "attribute", "link_id", id, Attribute);
            One(serviceAtLocation, "location", "location", Text(serviceAtLocation, "location_id"), Location);
            return serviceAtLocation;
        }

        private JsonObject Location(JsonObject location)
        {
            var id = Id(location);
            Many(location, "addresses", "address", "location_id", id);
            Many(location, "accessibility", "accessibility", "location_id", id);
            Many(location, "phones", "phone", "location_id", id, Phone);
            Many(location, "languages", "language", "location_id", id);
            Many(location, "schedules", "schedule", "location_id", id);
            Many(location, "contacts", "contact", "location_id", id, Contact);
            Many(location, "attributes", "attribute", "link_id", id, Attribute);
            Many(location, "metadata", "metadata", "resource_id", id);
            return location;
        }

        private JsonObject Phone(JsonObject phone)
        {
            Many(phone, "languages", "language", "phone_id", Id(phone));
            return phone;
        }

        private JsonObject Contact(JsonObject contact)
        {
            Many(contact, "phones", "phone", "contact_id", Id(contact));
            return contact;
        }

        private JsonObject Attribute(JsonObject attribute)
        {
            One(attribute, "taxonomy_term", "taxonomy_term", Text(attribute, "taxonomy_term_id"), term =>
            {
                One(term, "taxonomy_detail", "taxonomy", Text(term, "taxonomy_id"));
                return term;
            });
            return attribute;
        }

        /// <summary>Nests, under <paramref name="property"/>, a copy of every row of <paramref name="schema"/> whose <paramref name="key"/> is <paramref name="id"/>.</summary>
        private void Many(JsonObject parent, string property, string schema, string key, string? id, Func<JsonObject, JsonObject>? nest = null)
        {
            if (id is null)
            {
                return;
            }

            var children = RowsWhere(schema, key, id).Select(r => (JsonNode)(nest ?? (o => o))(Copy(r))).ToArray();
            if (children.Length > 0)
            {
                parent[property] = new JsonArray(children);
            }
        }

        /// <summary>Nests, under <paramref name="property"/>, a copy of the row of <paramref name="schema"/> with id <paramref name="id"/>.</summary>
        private void One(JsonObject parent, string property, string schema, string? id, Func<JsonObject, JsonObject>? nest = null)
        {
            if (id is not null && RowsWhere(schema, "id", id).FirstOrDefault() is { } row)
            {
                parent[property] = (nest ?? (o => o))(Copy(row));
            }
        }

        private IEnumerable<JsonObject> RowsWhere(string schema, string key, string value)
        {
            if (!_byKey.TryGetValue((schema, key), out var lookup))
            {
                lookup = Rows(schema).Where(r => Text(r, key) is not null).ToLookup(r => Text(r, key)!, StringComparer.Ordinal);
                _byKey[(schema, key)] = lookup;
            }

            return lookup[value];
        }

        private static List<JsonObject> ReadTable(string schema, string file, string csv)
        {
            var types = HsdsSchemas.ScalarTypesOf(schema);
            var rows = new List<JsonObject>();
            try
            {
                using var reader = CsvDataReader.Create(new StringReader(csv), new CsvDataReaderOptions { HasHeaders = true });
                var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
                while (reader.Read())
                {
                    var row = new JsonObject();
                    for (var i = 0; i < names.Length && i < reader.RowFieldCount; i++)
                    {
                        var cell = reader.GetString(i);
                        if (cell.Length > 0 && names[i].Length > 0)
                        {
                            row[names[i]] = Typed(cell, types.TryGetValue(names[i], out var type) ? type : "string");
                        }
                    }

                    rows.Add(row);
                }
            }
            catch (Exception ex) when (ex is CsvFormatException or InvalidDataException)
            {
                throw new HsdsFormatException($"{file} is not a valid CSV table: {ex.Message}");
            }

            return rows;
        }

        private static JsonValue Typed(string cell, string type) => type switch
        {
            "number" when decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            "integer" when long.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
            "boolean" when bool.TryParse(cell, out var flag) => JsonValue.Create(flag),
            _ => JsonValue.Create(cell),
        };

        private static JsonObject Copy(JsonObject row) => row.DeepClone().AsObject();

        private static string? Id(JsonObject row) => Text(row, "id");

        private static string? Text(JsonObject row, string name) =>
            row.TryGetPropertyValue(name, out var value) && value is JsonValue scalar && scalar.TryGetValue<string>(out var text) ? text : null;
    }
}
