using Microsoft.IdentityModel.Tokens;
using SocialPrescribing.Accounts;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>The token server's RSA keys: the configured PEM files, or in Development files made once under the data folder.</summary>
internal static class AccessKeys
{
    public static RsaSecurityKey Load(string? configuredPath, string developmentPath, bool development, string setting)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return RsaKeyFile.Read(configuredPath, setting);
        }

        if (!development)
        {
            throw new InvalidOperationException(
                $"{setting} is not set: outside Development the host needs a persistent key to sign and protect tokens " +
                $"(make one with `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out key.pem` and name the file in {setting}).");
        }

        if (!File.Exists(developmentPath))
        {
            RsaKeyFile.Create(developmentPath);
        }

        return RsaKeyFile.Read(developmentPath, setting);
    }
}
