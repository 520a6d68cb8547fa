using System.Globalization;
using Sylvan.Data.Csv;

namespace SocialPrescribing.CommunityDirectory.Import;

/// <summary>
/// A table of postal-code centres as a tenant loads it: CSV with a header naming the columns <c>code</c>,
/// <c>latitude</c> and <c>longitude</c> (decimal degrees, WGS 84) in any order; other columns are ignored. A code is a
/// whole postal code or a Canadian forward sortation area (<c>T5K</c>), with or without its space. Rows at fault are
/// left out and named; a code given twice keeps its last row.
/// </summary>
public static class PostalCodeTable
{
    /// <summary>The most rows a table may hold (Canada has under a million postal codes).</summary>
    public const int MaxRows = 2_000_000;

    public const int MaxCodeLength = 16;

    /// <summary>The centres of <paramref name="csv"/>, and every row left out with the column at fault.</summary>
    /// <exception cref="HsdsFormatException">Not CSV, no header with the three columns, or too many rows.</exception>
    public static (IReadOnlyList<PostalCode> Codes, IReadOnlyList<DirectoryRejection> Rejections) Read(TextReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var codes = new Dictionary<string, PostalCode>(StringComparer.Ordinal);
        var rejections = new List<DirectoryRejection>();
        try
        {
            using var reader = CsvDataReader.Create(csv, new CsvDataReaderOptions { HasHeaders = true });
            var columns = Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => i, StringComparer.OrdinalIgnoreCase);
            if (!columns.TryGetValue("code", out var code) || !columns.TryGetValue("latitude", out var latitude) || !columns.TryGetValue("longitude", out var longitude))
            {
                throw new HsdsFormatException("A postal-code table is CSV with a header naming the columns code, latitude and longitude.");
            }

            var row = 0;
            while (reader.Read())
            {
                if (row >= MaxRows)
                {
                    throw new HsdsFormatException($"A postal-code table holds at most {MaxRows:N0} rows.");
                }

                var text = Normalize(Cell(reader, code));
                if (text.Length is 0 or > MaxCodeLength || !text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-'))
                {
                    rejections.Add(new DirectoryRejection(row, text.Length > 0 ? text : null, "/code", $"A postal code is 1 to {MaxCodeLength} letters, digits and dashes."));
                }
                else if (!Degrees(Cell(reader, latitude), 90, out var lat))
                {
                    rejections.Add(new DirectoryRejection(row, text, "/latitude", "A latitude in decimal degrees, from -90 to 90."));
                }
                else if (!Degrees(Cell(reader, longitude), 180, out var lon))
                {
                    rejections.Add(new DirectoryRejection(row, text, "/longitude", "A longitude in decimal degrees, from -180 to 180."));
                }
                else
                {
                    codes[text] = new PostalCode(text, lat, lon);
                }

                row++;
            }
        }
        catch (CsvFormatException ex)
        {
            throw new HsdsFormatException($"Not a valid CSV table: {ex.Message}");
        }

        return ([.. codes.Values], rejections);
    }

    /// <summary><paramref name="code"/> as the directory keeps postal codes: upper case, without spaces.</summary>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Concat(code.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    /// <summary>The forward sortation area of a Canadian postal code (its first three characters), or null.</summary>
    public static string? ForwardSortationArea(string code)
    {
        var normalized = Normalize(code);
        return normalized.Length == 6 && char.IsAsciiLetter(normalized[0]) && char.IsAsciiDigit(normalized[1]) && char.IsAsciiLetter(normalized[2])
            ? normalized[..3]
            : null;
    }

    private static string Cell(CsvDataReader reader, int column) => column < reader.RowFieldCount ? reader.GetString(column) : string.Empty;

    private static bool Degrees(string text, double limit, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && Math.Abs(value) <= limit;
}

/// <summary>The centre of a postal area, in decimal degrees.</summary>
public sealed record PostalCode(string Code, double Latitude, double Longitude);
