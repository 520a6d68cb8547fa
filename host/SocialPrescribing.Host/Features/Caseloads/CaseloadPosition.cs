using System.Buffers.Binary;
using System.Buffers.Text;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.Caseloads;

/// <summary>
/// A caseload page's <c>next</c> as the API gives it: the last journey's referral time and id, opaque to clients
/// (base64url, 25 bytes: a format byte, the time in UTC ticks, the id).
/// </summary>
internal static class CaseloadPosition
{
    private const byte Format1 = 1;
    private const int Length = 1 + sizeof(long) + 16;

    public static string Format(JourneyListPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Format1;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], position.ReferredAt.UtcTicks);
        position.JourneyId.TryWriteBytes(bytes[(1 + sizeof(long))..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The position <paramref name="text"/> stands for, or null when the API never gave it.</summary>
    public static JourneyListPosition? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // IsValid first: decoding throws, rather than answering false, on some text that is not base64url.
        Span<byte> bytes = stackalloc byte[Length];
        if (text.Length > 64 || !Base64Url.IsValid(text, out var length) || length != Length
            || !Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != Length || bytes[0] != Format1)
        {
            return null;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return null;
        }

        return new JourneyListPosition(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[(1 + sizeof(long))..], bigEndian: true));
    }
}
