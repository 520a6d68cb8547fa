using System.Text.RegularExpressions;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>Records to append to a stream of <see cref="Kind"/> and <see cref="StreamId"/>, which must be at <see cref="ExpectedVersion"/>.</summary>
public sealed partial record RecordAppend(TenantId Tenant, string Kind, string StreamId, long ExpectedVersion, IReadOnlyList<NewEvent> Records)
{
    /// <summary>Throws <see cref="ArgumentException"/> when the kind or stream id is not one a store accepts.</summary>
    public static void Validate(string kind, string streamId)
    {
        if (kind is null || !KindPattern().IsMatch(kind))
        {
            throw new ArgumentException("A stream kind is 1 to 32 characters of a-z, 0-9 and '-'.", nameof(kind));
        }

        if (string.IsNullOrEmpty(streamId) || streamId.Length > 128)
        {
            throw new ArgumentException("A stream id is 1 to 128 characters.", nameof(streamId));
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KindPattern();
}
