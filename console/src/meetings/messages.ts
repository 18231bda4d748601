import type { Messages } from '../app/i18n';

export const meetingsMessages: Messages = {
  'zh-CN': {
    'list.title': '双月沟通会',
    'list.status': '状态',
    'list.all': '全部',
    'list.scheduledAt': '时间',
    'list.place': '地点',
    'list.kind': '类型',
    'list.convenedBy': '召集单位',
    'list.participating': '参会单位',
    'list.agendaCount': '议题数',
    'status.PLANNED': '计划中',
    'status.IN_SESSION': '进行中',
    'status.CLOSED': '已结束',
  },
  en: {
    'list.title': 'Joint meetings',
    'list.status': 'Status',
    'list.all': 'All',
    'list.scheduledAt': 'When',
    'list.place': 'Where',
    'list.kind': 'Kind',
    'list.convenedBy': 'Convened by',
    'list.participating': 'Departments',
    'list.agendaCount': 'Agenda items',
    'status.PLANNED': 'Planned',
    'status.IN_SESSION': 'In session',
    'status.CLOSED': 'Closed',
  },
};
