"""Who may change and publish what, and the approval each part of the library goes through.

- Redaktører (editors): add and edit methods, legal pages, templates, knowledge and projects;
  their changes are published through the workflow "Faglig godkendelse".
- Faglige reviewere (professional reviewers): edit and publish those sections, and approve in
  "Faglig godkendelse". Neither group may change the information strategies in the knowledge
  section.
- Kommunikationsmedarbejdere (communicators): add, edit and publish news and information
  strategies, and approve in "Kommunikationsgodkendelse".
- Undervisere (trainers, courses/roles.py): add, edit and publish courses.

The groups and workflows are made by migration `strategy/0004`; `strategy/0009` narrows the
knowledge section's grants and removes Wagtail's default groups "Editors" and "Moderators", which
could publish or delete anything without review. Permissions and workflows belong
to pages, which `load_content` creates after the migrations, so they are granted when a section
page (or a strategy page) is created, and by the migration on pages that already exist. The
functions take an app registry, so the migration passes its historical one.
"""

from core.permissions import grant_page_permissions

EDITORS = "Redaktører"
REVIEWERS = "Faglige reviewere"
COMMUNICATORS = "Kommunikationsmedarbejdere"
PROFESSIONAL_REVIEW = "Faglig godkendelse"
COMMUNICATION_REVIEW = "Kommunikationsgodkendelse"

LIBRARY_SECTIONS = [
    ("methods", "methodindexpage"),
    ("legal", "legalindexpage"),
    ("downloads", "templateindexpage"),
    ("projects", "projectindexpage"),
    ("situations", "situationindexpage"),
]
# The knowledge section also holds the information strategies, which belong to the communicators.
# A page permission covers everything under its page, so the editors and reviewers are given the
# knowledge section's own pages one by one (as each is made), and on the section only the right to
# add a page.
KNOWLEDGE_SECTION = ("guidelines", "guidelineindexpage")
KNOWLEDGE_PAGES = [("guidelines", "guidelinepage"), ("guidelines", "glossarypage")]
COMMUNICATION_PAGES = [("strategy", "newsindexpage"), ("strategy", "informationstrategypage")]
EDITOR_GRANTS = ["add_page", "change_page", "lock_page", "unlock_page"]
REVIEWER_GRANTS = ["change_page", "publish_page"]

# (app label, model) of the page → ({group: page permission codenames}, workflow name or None)
RULES = {
    **{
        section: ({EDITORS: EDITOR_GRANTS, REVIEWERS: REVIEWER_GRANTS}, PROFESSIONAL_REVIEW)
        for section in LIBRARY_SECTIONS
    },
    KNOWLEDGE_SECTION: ({EDITORS: ["add_page"]}, PROFESSIONAL_REVIEW),
    **{
        page: ({EDITORS: EDITOR_GRANTS[1:], REVIEWERS: REVIEWER_GRANTS}, None)
        for page in KNOWLEDGE_PAGES
    },
    **{
        page: ({COMMUNICATORS: ["add_page", "change_page", "publish_page"]}, COMMUNICATION_REVIEW)
        for page in COMMUNICATION_PAGES
    },
}
# workflow → (task name, the group that approves)
WORKFLOWS = {
    PROFESSIONAL_REVIEW: ("Faglig gennemgang", REVIEWERS),
    COMMUNICATION_REVIEW: ("Kommunikationsgennemgang", COMMUNICATORS),
}


def create_groups_and_workflows(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name in (EDITORS, REVIEWERS, COMMUNICATORS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    for workflow_name, (task_name, group_name) in WORKFLOWS.items():
        workflow, created = Workflow.objects.get_or_create(
            name=workflow_name, defaults={"active": True}
        )
        if created:
            task = GroupApprovalTask.objects.create(
                name=task_name, active=True, content_type=task_type
            )
            task.groups.add(Group.objects.get(name=group_name))
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def govern_page(apps, page, rule_key):
    """Grant the groups their permissions on `page` and assign its workflow."""
    if rule_key not in RULES:
        return
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    grants, workflow_name = RULES[rule_key]
    for group_name, codenames in grants.items():
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            grant_page_permissions(apps, group, page, codenames)
    workflow = Workflow.objects.filter(name=workflow_name).first() if workflow_name else None
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page_id=page.pk, defaults={"workflow": workflow})


def govern_existing_pages(apps):
    for app_label, model_name in RULES:
        model = apps.get_model(app_label, model_name)
        for page in model.objects.all():
            govern_page(apps, page, (app_label, model_name))


def page_created(sender, instance, created, raw=False, **kwargs):
    """A new section or strategy page: its groups and workflow, as the migration gives them."""
    if created and not raw:
        from django.apps import apps

        govern_page(apps, instance, (sender._meta.app_label, sender._meta.model_name))
