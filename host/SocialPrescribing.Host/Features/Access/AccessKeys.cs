using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>The token server's RSA keys, read from PEM files (made once in Development).</summary>
internal static class AccessKeys
{
    public static RsaSecurityKey Load(string? configuredPath, string developmentPath, bool development, string setting)
    {
        var path = configuredPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!development)
            {
                throw new InvalidOperationException(
                    $"{setting} is not set: outside Development the host needs a persistent key to sign and protect tokens " +
                    $"(make one with `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out key.pem` and name the file in {setting}).");
            }

            path = developmentPath;
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var made = RSA.Create(3072);
                File.WriteAllText(path, made.ExportPkcs8PrivateKeyPem());
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{setting}: no file at {path}.");
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        catch (ArgumentException ex)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"{setting}: {path} holds no PEM RSA private key.", ex);
        }

        // The key id is derived from the public key, so every host of a cluster names the same key the same way.
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}
