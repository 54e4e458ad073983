A ${channel} contact has waited twice the time the shop promises: its ${step} deadline (${target} of working time) was ${dueAt}.
${subject}

<#list tasks as task>
- ${task.name} (${task.assignee}): ${task.url}
</#list>

careflow
