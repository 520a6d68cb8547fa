using System.Security.Cryptography;
using System.Text;

namespace SocialPrescribing.Domain.Identity;

/// <summary>
/// Name-based ids (RFC 9562 version 8, SHA-256): the same parts always give the same id. Used to turn
/// a client's Idempotency-Key into a journey id or command id, so a retried request lands on the same
/// journey without any lookup table.
/// </summary>
public static class DeterministicGuid
{
    public static Guid From(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        var id = bytes.AsSpan(0, 16).ToArray();
        id[6] = (byte)((id[6] & 0x0F) | 0x80);
        id[8] = (byte)((id[8] & 0x3F) | 0x80);
        return new Guid(id, bigEndian: true);
    }
}
