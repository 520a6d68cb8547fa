using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SocialPrescribing.Accounts;

/// <summary>An RSA private key in a PEM file, as a signing or encryption key named by its JWK thumbprint.</summary>
public static class RsaKeyFile
{
    /// <exception cref="InvalidOperationException">The file does not exist or holds no PEM RSA key; the message names <paramref name="setting"/>.</exception>
    public static RsaSecurityKey Read(string path, string setting)
    {
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

        // Named after the public key, so every host of a cluster names the same key the same way.
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    /// <summary>Writes a new 3072-bit key to <paramref name="path"/>, readable by its owner only.</summary>
    public static void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var rsa = RSA.Create(3072);
        File.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
