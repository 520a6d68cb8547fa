using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Host.Http;

/// <summary>
/// Collects every problem with a request body, keyed by the field's JSON path, so one 400 names them
/// all. Each helper returns the cleaned value, or default when the field is wrong.
/// </summary>
internal sealed partial class RequestValidation
{
    public const int NameLength = 100;
    public const int TextLength = 4000;
    public const int ItemLength = 500;
    public const int MaxItems = 50;

    /// <summary>How many years past the tenant's today a date may be (a follow-up, the end of a report period).</summary>
    public const int YearsAhead = 10;

    /// <summary>The earliest date any field takes.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public string Required(string? value, string field, int maxLength = NameLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Required.");
            return string.Empty;
        }

        return Length(value.Trim(), field, maxLength) ?? string.Empty;
    }

    public string? Optional(string? value, string field, int maxLength = TextLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Length(value.Trim(), field, maxLength);

    public T? RequiredObject<T>(T? value, string field)
        where T : class
    {
        if (value is null)
        {
            Add(field, "Required.");
        }

        return value;
    }

    public T Enum<T>(string? value, string field)
        where T : struct, Enum
    {
        if (WireNames.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        Add(field, value is null
            ? $"Required; one of: {string.Join(", ", WireNames.All<T>())}."
            : $"'{value}' is not one of: {string.Join(", ", WireNames.All<T>())}.");
        return default;
    }

    /// <summary>
    /// A list of <typeparamref name="T"/> values by wire name, each at most once; an absent or empty list is an error
    /// when <paramref name="required"/>, else no values.
    /// </summary>
    public ImmutableArray<T> Enums<T>(IReadOnlyList<string?>? values, string field, bool required = true)
        where T : struct, Enum
    {
        if (values is null || values.Count == 0)
        {
            if (required)
            {
                Add(field, $"At least one of: {string.Join(", ", WireNames.All<T>())}.");
            }

            return [];
        }

        var parsed = values.Select((value, i) => Enum<T>(value, $"{field}[{i}]")).ToImmutableArray();
        if (parsed.Distinct().Count() != parsed.Length)
        {
            Add(field, "Each value once.");
        }

        return parsed;
    }

    /// <summary>The latest date a field takes when it may lie ahead: <see cref="YearsAhead"/> years past <paramref name="today"/>.</summary>
    public static DateOnly LatestDate(DateOnly today) => today.AddYears(YearsAhead);

    /// <summary>A date as yyyy-mm-dd from <see cref="EarliestDate"/> to <paramref name="latest"/>; default when wrong (the error added).</summary>
    public DateOnly Date(string? value, string field, DateOnly latest)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add(field, value is null ? "Required; a date as yyyy-mm-dd." : $"'{value}' is not a date as yyyy-mm-dd.");
            return default;
        }

        if (date < EarliestDate || date > latest)
        {
            Add(field, string.Create(CultureInfo.InvariantCulture, $"Must be from {EarliestDate:yyyy-MM-dd} to {latest:yyyy-MM-dd}."));
            return default;
        }

        return date;
    }

    /// <summary>An optional whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="fallback"/> when absent or wrong (the error added).</summary>
    public int Number(string? value, string field, int fallback, int min, int max)
    {
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        Add(field, $"A whole number from {min} to {max}.");
        return fallback;
    }

    /// <summary>An optional timestamp with its offset (2026-03-01T12:00:00Z); null when absent or wrong (the error added).</summary>
    public DateTimeOffset? Timestamp(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        Add(field, "A timestamp with its offset, such as 2026-03-01T12:00:00Z.");
        return null;
    }

    /// <summary>An optional id; null when absent or wrong (the error added).</summary>
    public Guid? OptionalId(string? value, string field) => value is null ? null : Id(value, field);

    public Guid Id(string? value, string field)
    {
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        Add(field, value is null ? "Required; an id." : $"'{value}' is not an id.");
        return Guid.Empty;
    }

    public string Identifier(string? value, string field)
    {
        var text = Required(value, field, 64);
        if (text.Length > 0 && !IdentifierPattern().IsMatch(text))
        {
            Add(field, "Letters, digits and . _ @ - only.");
        }

        return text;
    }

    /// <summary>A non-empty list of short texts, each trimmed; blanks are errors, not silently dropped.</summary>
    public ImmutableArray<string> Items(IReadOnlyList<string?>? values, string field, int maxItems = MaxItems)
    {
        if (values is null || values.Count == 0)
        {
            Add(field, "At least one item is required.");
            return [];
        }

        if (values.Count > maxItems)
        {
            Add(field, $"At most {maxItems} items.");
            return [];
        }

        var items = ImmutableArray.CreateBuilder<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            items.Add(Required(values[i], $"{field}[{i}]", ItemLength));
        }

        return items.MoveToImmutable();
    }

    private string? Length(string value, string field, int maxLength)
    {
        if (value.Length <= maxLength)
        {
            return value;
        }

        Add(field, $"At most {maxLength} characters.");
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}
