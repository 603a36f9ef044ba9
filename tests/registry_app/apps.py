from django.apps import AppConfig


class RegistryAppConfig(AppConfig):
    """A throwaway content type for tests/test_registry.py: installed in the test settings (so
    it has a table), registered only by the test that is about registering it."""

    name = "tests.registry_app"
    label = "registry_app"
