from django.contrib import admin
from dsfr.models import DsfrConfig

# django-dsfr offers to edit the header and footer texts in the admin, but our layout takes
# them from the code and the school (templates/interface/): hide a form that would do nothing.
admin.site.unregister(DsfrConfig)
