namespace SocialPrescribing.Storage.Tests;

/// <summary>What every engine must do for tenants' settings (<see cref="ITenantSettingsStore"/>).</summary>
public abstract partial class JourneyStoreConformance
{
    private static readonly DateTimeOffset Changed = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    private ITenantSettingsStore Tenants => (ITenantSettingsStore)Store;

    private static TenantSettingsChange Change(Abstractions.TenantId tenant, long version, string settings, string by = "op-1", string source = "api") =>
        new(tenant, version, source, Changed.AddMinutes(version), by, $"[{{\"field\":\"displayName\",\"n\":{version}}}]", settings);

    [Fact]
    public async Task A_tenant_is_created_once_changed_from_its_current_version_and_every_change_is_kept()
    {
        Assert.Empty(await Tenants.ReadTenantSettingsAsync(Token));

        await Tenants.SaveTenantSettingsAsync(Change(Ontario, 1, """{"displayName":"Ontario"}""", "configuration", "configuration"), Token);
        await Tenants.SaveTenantSettingsAsync(Change(Alberta, 1, """{"displayName":"Alberta"}"""), Token);
        await Tenants.SaveTenantSettingsAsync(Change(Alberta, 2, """{"displayName":"Alberta Health"}""", "op-2"), Token);

        var stored = await Tenants.ReadTenantSettingsAsync(Token);
        Assert.Equal(["ab", "on"], stored.Select(t => t.Tenant.Value));
        Assert.Equal(new StoredTenantSettings(Alberta, """{"displayName":"Alberta Health"}""", 2, "api", Changed.AddMinutes(2), "op-2"), stored[0]);
        Assert.Equal(("configuration", "configuration", 1L), (stored[1].Source, stored[1].ChangedBy, stored[1].Version));

        var changes = await Tenants.ReadTenantSettingsChangesAsync(Alberta, Token);
        Assert.Equal([2L, 1L], changes.Select(c => c.Version));
        Assert.Equal(Change(Alberta, 2, """{"displayName":"Alberta Health"}""", "op-2"), changes[0]);
        Assert.Single(await Tenants.ReadTenantSettingsChangesAsync(Ontario, Token));
    }

    [Fact]
    public async Task A_tenant_created_twice_or_changed_from_a_stale_version_conflicts_and_writes_nothing()
    {
        await Tenants.SaveTenantSettingsAsync(Change(Alberta, 1, """{"displayName":"Alberta"}"""), Token);

        await Assert.ThrowsAsync<StreamVersionConflictException>(() => Tenants.SaveTenantSettingsAsync(Change(Alberta, 1, """{"displayName":"Again"}"""), Token));
        await Tenants.SaveTenantSettingsAsync(Change(Alberta, 2, """{"displayName":"Second"}"""), Token);
        await Assert.ThrowsAsync<StreamVersionConflictException>(() => Tenants.SaveTenantSettingsAsync(Change(Alberta, 2, """{"displayName":"Stale"}"""), Token));
        await Assert.ThrowsAsync<StreamVersionConflictException>(() => Tenants.SaveTenantSettingsAsync(Change(Alberta, 4, """{"displayName":"Ahead"}"""), Token));
        await Assert.ThrowsAsync<StreamVersionConflictException>(() => Tenants.SaveTenantSettingsAsync(Change(Ontario, 2, """{"displayName":"Never created"}"""), Token));

        var stored = Assert.Single(await Tenants.ReadTenantSettingsAsync(Token));
        Assert.Equal(("""{"displayName":"Second"}""", 2L), (stored.Settings, stored.Version));
        Assert.Equal([2L, 1L], (await Tenants.ReadTenantSettingsChangesAsync(Alberta, Token)).Select(c => c.Version));
        Assert.Empty(await Tenants.ReadTenantSettingsChangesAsync(Ontario, Token));
    }
}
